using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Applies a directory CSV: all of it, or nothing when any row has a problem. People the file does not mention are
/// left as they are (never deleted). One audit event records every add and change.
/// </summary>
public sealed class ApplyDirectoryImport(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<DirectoryPreview> HandleAsync(Actor actor, string csv, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        PreviewDirectoryImport.RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (preview, rows, facts, people) = await DirectoryImportPlan.ComputeAsync(db, csv, cancellationToken);
        if (preview.Problems.Count > 0)
        {
            throw new ValidationException(preview.Problems.Select(p => p.ToString()).ToList());
        }

        if (preview.Changes.Count == 0)
        {
            return preview;
        }

        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var changed = preview.Changes.Select(c => c.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => changed.Contains(r.Email)))
        {
            if (!byEmail.TryGetValue(row.Email, out var person))
            {
                person = new Person { Name = row.Name, Email = row.Email };
                db.People.Add(person);
                byEmail[row.Email] = person;
            }

            DirectoryImportPlan.Apply(person, row, facts);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows.Where(r => changed.Contains(r.Email)))
        {
            byEmail[row.Email].ManagerId = row.ManagerEmail is null ? null : byEmail[row.ManagerEmail].Id;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var added = preview.Changes.Count(c => c.Kind == DirectoryChangeKind.Add);
        db.Record(actor, now, AuditEventTypes.DirectoryImported, "Directory", null,
            $"{actor.Name} imported the directory: {added} added, {preview.Changes.Count - added} changed",
            after: new { added, changed = preview.Changes.Count - added, changes = preview.Changes.Select(c => new { c.Email, kind = c.Kind.ToString(), c.Differences }) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone edited the directory while you were importing. Nothing was saved: preview the file again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return preview;
    }
}
