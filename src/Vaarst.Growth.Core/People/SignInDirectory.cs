using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record SignInCandidate(int Id, string Name, string Email, Roles Roles, string? Specialism, int? CurrentLevel, int? TargetLevel, string? ManagerName);

/// <summary>
/// Looks people up for signing in: the development sign-in's list of demo people, and matching an identity to a
/// directory person. Sign-in happens before there is an actor, so this is the one use case without one; the web
/// layer only exposes <see cref="ListAsync"/> when development sign-in is enabled.
/// </summary>
public sealed class SignInDirectory(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<IReadOnlyList<SignInCandidate>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new SignInCandidate(p.Id, p.Name, p.Email, p.Roles, p.Specialism, p.CurrentLevel, p.TargetLevel, p.Manager != null ? p.Manager.Name : null))
            .ToListAsync(cancellationToken);
    }

    public async Task<Actor?> FindAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking()
            .Where(p => p.Id == personId && p.IsActive)
            .Select(p => new Actor(p.Id, p.Name, p.Roles) { SecurityStamp = p.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Matches an Entra ID identity: by object id, else by e-mail (case-insensitive) for a person not yet bound to an
    /// object id, in which case the object id is stored so later sign-ins match on it (and only on it). Returns null for
    /// someone who is not in the directory, or whose e-mail belongs to a person another account is bound to.
    /// </summary>
    public async Task<Actor?> MatchAsync(string? objectId, string? email, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Person? person = null;
        if (!string.IsNullOrWhiteSpace(objectId))
        {
            person = await db.People.FirstOrDefaultAsync(p => p.EntraObjectId == objectId && p.IsActive, cancellationToken);
        }

        if (person is null && !string.IsNullOrWhiteSpace(email))
        {
            var normalised = email.Trim().ToLowerInvariant();
            // Only a person no account has signed in as yet: the e-mail claim (preferred_username) is not proof of
            // identity, so once a person is bound to an object id, another account with their e-mail is not them.
            person = await db.People.FirstOrDefaultAsync(p => p.Email.ToLower() == normalised && p.IsActive && p.EntraObjectId == null, cancellationToken);
            if (person is not null && !string.IsNullOrWhiteSpace(objectId))
            {
                // From now on only this account signs in as them: a change of the directory, audited with it.
                person.EntraObjectId = objectId;
                db.Record(new Actor(person.Id, person.Name, person.Roles), _time.GetUtcNow().UtcDateTime, AuditEventTypes.EntraAccountBound,
                    "Person", person.Id.ToString(), $"{person.Name} signed in with Entra ID for the first time; that account now signs in as them",
                    before: new { entraObjectId = (string?)null }, after: new { entraObjectId = objectId, matchedBy = "e-mail" }, personId: person.Id);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return person is null ? null : new Actor(person.Id, person.Name, person.Roles) { SecurityStamp = person.SecurityStamp };
    }

    /// <summary>
    /// Signing out ends every session of the person, on every device and in every open tab: their security stamp
    /// changes, so a cookie issued before (replayed or still held by another tab) and an open circuit are refused.
    /// </summary>
    public async Task EndSessionsAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Not through the tracked entity: the stamp is not an edit of the person, so it must not bump Version and
        // make an administrator's open edit of them conflict.
        var stamp = Person.NewSecurityStamp();
        await db.People.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.SecurityStamp, stamp), cancellationToken);
    }
}
