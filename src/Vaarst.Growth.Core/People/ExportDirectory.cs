using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>The directory as CSV, in the same format the import reads.</summary>
public sealed class ExportDirectory(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<string> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        PreviewDirectoryImport.RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Name, p.Email, Manager = p.Manager != null ? p.Manager.Email : null, Craft = p.Craft != null ? p.Craft.Name : null, p.Specialism, p.CurrentLevel, p.TargetLevel, p.Roles })
            .ToListAsync(cancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            foreach (var column in DirectoryRows.Header)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var p in people)
            {
                foreach (var field in new[] { p.Name, p.Email, p.Manager, p.Craft, p.Specialism, p.CurrentLevel?.ToString(CultureInfo.InvariantCulture), p.TargetLevel?.ToString(CultureInfo.InvariantCulture), DirectoryRows.FormatRoles(p.Roles) })
                {
                    csv.WriteField(ExportAuditLog.Neutralise(field) ?? "");
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return writer.ToString();
    }
}
