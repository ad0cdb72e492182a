using System.Globalization;
using CsvHelper;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>The comparison grid as CSV for the panel: one row per area and candidate, blind labels in blind sessions.</summary>
public sealed class ExportComparison(GetComparison getComparison)
{
    public async Task<(string FileName, string Csv)> HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        var comparison = await getComparison.HandleAsync(actor, sessionId, cancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            foreach (var header in new[] { "Candidate", "Section", "Area", "SignedOff", "Applicable", "CoveragePercent", "Evidence", "LatestEvidence", "NeedsReconfirmation" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            for (var column = 0; column < comparison.Candidates.Count; column++)
            {
                for (var row = 0; row < comparison.Areas.Count; row++)
                {
                    if (comparison.Cells[row][column] is not { } cell)
                    {
                        continue;
                    }

                    var area = comparison.Areas[row];
                    foreach (var field in new[]
                    {
                        ExportAuditLog.Neutralise(comparison.Candidates[column].Label)!, area.Section, area.Name,
                        cell.Counts.SignedOff.ToString(CultureInfo.InvariantCulture), cell.Counts.Applicable.ToString(CultureInfo.InvariantCulture),
                        cell.Counts.Percent.ToString(CultureInfo.InvariantCulture), cell.EvidenceCount.ToString(CultureInfo.InvariantCulture),
                        cell.LatestEvidence?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", cell.Counts.NeedsReconfirmation.ToString(CultureInfo.InvariantCulture),
                    })
                    {
                        csv.WriteField(field);
                    }

                    csv.EndRecord();
                }
            }

            csv.Flush();
        }

        return ($"calibration-{comparison.SessionId}-comparison.csv", writer.ToString());
    }
}
