using System.Globalization;
using CsvHelper;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Gap;

/// <summary>The gap report as CSV: one row per statement of the target level, with area, state and evidence count.</summary>
public sealed class ExportGap(GetGap getGap)
{
    public async Task<(string FileName, string Csv)> HandleAsync(Actor actor, GetGapRequest request, CancellationToken cancellationToken = default)
    {
        var gap = await getGap.HandleAsync(actor, request, cancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            foreach (var header in new[] { "Engineer", "Level", "Section", "Area", "Statement", "State", "Evidence", "NewAtThisLevel" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var section in gap.Sections)
            {
                foreach (var area in section.Areas)
                {
                    if (!area.IsDefined)
                    {
                        Row(csv, gap, section.Name, area.Name, "", "Not yet defined", "", "");
                        continue;
                    }

                    foreach (var statement in area.Statements)
                    {
                        Row(csv, gap, section.Name, area.Name, statement.Text, GapLabels.Of(statement.State),
                            statement.EvidenceCount.ToString(CultureInfo.InvariantCulture), statement.IsNew switch { true => "yes", false => "no", null => "" });
                    }
                }
            }

            Row(csv, gap, "", "Overall", $"{gap.Overall.SignedOff} of {gap.Overall.Applicable} applicable statements signed off",
                $"{gap.Overall.Percent}% ready", "", "");
            csv.Flush();
        }

        var name = new string(gap.PersonName.Where(char.IsLetterOrDigit).ToArray());
        return ($"gap-{name}-level{gap.TargetLevel}.csv", writer.ToString());
    }

    private static void Row(CsvWriter csv, GapView gap, string section, string area, string statement, string state, string evidence, string isNew)
    {
        foreach (var field in new[] { gap.PersonName, $"Level {gap.TargetLevel}", section, area, statement, state, evidence, isNew })
        {
            csv.WriteField(ExportAuditLog.Neutralise(field) ?? "");
        }

        csv.EndRecord();
    }
}

/// <summary>How gap states read to people.</summary>
public static class GapLabels
{
    public static string Of(GapState state) => state switch
    {
        GapState.NotStarted => "Not started",
        GapState.InProgress => "In progress",
        GapState.Submitted => "Submitted",
        GapState.SignedOff => "Signed off",
        GapState.NeedsReconfirmation => "Needs re-confirmation",
        GapState.NotApplicable => "Not applicable",
        _ => state.ToString(),
    };
}
