using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Applies a directory CSV: all of it, or nothing when any row has a problem. People the file does not mention are
/// left as they are (never deleted), and a file that would leave no active administrator is refused. Each person added or
/// changed gets an audit event about them.
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

        // One event per person, about that person, so the audit log filtered by them shows what the import did to them.
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var change in preview.Changes)
        {
            var person = byEmail[change.Email];
            var what = change.Kind == DirectoryChangeKind.Add ? "added" : "changed " + string.Join("; ", change.Differences);
            db.Record(actor, now, AuditEventTypes.DirectoryImported, "Person", person.Id.ToString(),
                $"{actor.Name} imported {person.Name} from a directory file: {what}",
                after: new { change.Email, kind = change.Kind.ToString(), change.Differences, line = change.Line }, personId: person.Id);
        }
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
