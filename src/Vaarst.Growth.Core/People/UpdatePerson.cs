using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <param name="PersonId">Null to add someone.</param>
/// <param name="ExpectedVersion">The version the administrator saw (ignored when adding).</param>
public sealed record UpdatePersonRequest(int? PersonId, int ExpectedVersion, string Name, string Email, string? ManagerEmail, string? Craft, string? Specialism,
    int? CurrentLevel, int? TargetLevel, Roles Roles, bool IsActive = true);

/// <summary>An administrator adds or edits one person, with the same checks as the CSV import. Audited with before and after.</summary>
public sealed class UpdatePerson(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, UpdatePersonRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        PreviewDirectoryImport.RequireAdministrator(actor);
        var row = new DirectoryRow(0, request.Name?.Trim() ?? "", request.Email?.Trim() ?? "", Blank(request.ManagerEmail), Blank(request.Craft), Blank(request.Specialism),
            request.CurrentLevel, request.TargetLevel, request.Roles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.ToListAsync(cancellationToken);
        var person = request.PersonId is { } id
            ? people.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException("That person is not in the directory.")
            : null;
        if (person is not null && person.Version != request.ExpectedVersion)
        {
            throw new ConflictException("Someone changed this person since you opened them. Nothing was saved: reload to see the latest.");
        }

        var emailOf = people.ToDictionary(p => p.Id, p => p.Email);
        var existing = people.Where(p => p != person).ToDictionary(p => p.Email, p => p.ManagerId is { } m ? emailOf[m] : null, StringComparer.OrdinalIgnoreCase);
        if (person is not null)
        {
            // Reports of this person keep pointing at their (possibly new) e-mail.
            foreach (var report in people.Where(p => p.ManagerId == person.Id))
            {
                existing[report.Email] = row.Email;
            }
        }

        var facts = await DirectoryRows.LoadFactsAsync(db, cancellationToken);
        var problems = DirectoryRows.Check([row], existing, facts).Select(p => p.Message).ToList();
        if (existing.ContainsKey(row.Email) && !string.Equals(person?.Email, row.Email, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Someone else already has the e-mail {row.Email}.");
        }

        var after = people.Where(p => p != person).Select(p => (p.IsActive, p.Roles)).Append((request.IsActive, row.Roles));
        if (Administrators.WouldLeaveNone(people, after))
        {
            problems.Add(Administrators.Refusal(person?.Email ?? row.Email));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        var before = person is null ? null : Snapshot(person, emailOf);
        person ??= db.People.Add(new Person { Name = row.Name, Email = row.Email }).Entity;
        person.Email = row.Email;
        DirectoryImportPlan.Apply(person, row, facts);
        person.ManagerId = row.ManagerEmail is null ? null : people.First(p => string.Equals(p.Email, row.ManagerEmail, StringComparison.OrdinalIgnoreCase)).Id;
        person.IsActive = request.IsActive;
        // A new person needs their id for the audit event: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone changed this person at the same moment. Nothing was saved: reload to see the latest.");
        }

        emailOf[person.Id] = person.Email;
        db.Record(actor, time.GetUtcNow().UtcDateTime, AuditEventTypes.PersonUpdated, "Person", person.Id.ToString(),
            before is null ? $"{actor.Name} added {person.Name} to the directory" : $"{actor.Name} edited {person.Name} in the directory",
            before, Snapshot(person, emailOf), person.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person.Id;
    }

    private static object Snapshot(Person p, IReadOnlyDictionary<int, string> emailOf) => new
    {
        p.Name, p.Email, manager = p.ManagerId is { } m ? emailOf.GetValueOrDefault(m) : null, p.CraftId, p.Specialism, p.CurrentLevel, p.TargetLevel,
        roles = DirectoryRows.FormatRoles(p.Roles), p.IsActive,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
