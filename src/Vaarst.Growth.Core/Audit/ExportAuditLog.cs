using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Audit;

/// <summary>The filtered audit log as CSV (oldest first), for administrators, with the same events left out as <see cref="GetAuditLog"/>.</summary>
public sealed class ExportAuditLog(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<string> HandleAsync(Actor actor, AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        GetAuditLog.RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await GetAuditLog.Project(db, GetAuditLog.Filtered(db, filter, actor).OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        csv.WriteField("Id");
        csv.WriteField("OccurredAtUtc");
        csv.WriteField("Actor");
        csv.WriteField("Type");
        csv.WriteField("Subject");
        csv.WriteField("Person");
        csv.WriteField("Summary");
        csv.WriteField("Before");
        csv.WriteField("After");
        csv.EndRecord();
        foreach (var e in entries)
        {
            csv.WriteField(e.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.OccurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            csv.WriteField(Neutralise(e.ActorName));
            csv.WriteField(e.Type);
            csv.WriteField(e.SubjectId is null ? e.SubjectType : $"{e.SubjectType} {e.SubjectId}");
            csv.WriteField(Neutralise(e.PersonName));
            csv.WriteField(Neutralise(e.Summary));
            csv.WriteField(Neutralise(e.Before));
            csv.WriteField(Neutralise(e.After));
            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

    /// <summary>Stops spreadsheet formula injection: text people typed never starts a cell with = + - @.</summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
