using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>How someone signs in: the development sign-in (a demo list) or Entra ID (OpenID Connect).</summary>
public enum SignInMethod
{
    Development,
    EntraId,
}

/// <summary>
/// One sign-in, refused sign-in or sign-out, as the audit log records it: the person where known, the method, and for an
/// Entra ID identity that matched nobody the e-mail it claimed. Never a token, cookie, object id or security stamp.
/// </summary>
/// <param name="PersonId">The directory person (signed in, signing out, or the one a refused development sign-in named); null when unknown.</param>
/// <param name="ClaimedEmail">A refused Entra ID sign-in's e-mail claim, to tell the administrator who tried.</param>
public sealed record SignInEvent(string Type, SignInMethod Method, int? PersonId, string? ClaimedEmail = null);

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
    /// Adds one audit event for a sign-in, a refused sign-in or a sign-out (<see cref="SignInEvent"/>), in its own unit
    /// of work. The web layer calls it after the sign-in is decided and never lets its failure undo the sign-in
    /// (docs/architecture.md, Audit).
    /// </summary>
    public async Task RecordAsync(SignInEvent signIn, CancellationToken cancellationToken = default)
    {
        if (signIn.Type is not (AuditEventTypes.SignedIn or AuditEventTypes.SignInRefused or AuditEventTypes.SignedOut))
        {
            throw new ArgumentException($"Not a sign-in event type: {signIn.Type}", nameof(signIn));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var method = signIn.Method == SignInMethod.EntraId ? "Entra ID" : "development sign-in";
        var person = signIn.PersonId is { } id
            ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name, p.IsActive }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var email = signIn.ClaimedEmail is { } claimed ? Text.Excerpt.Fit(claimed.Trim(), 320) : null;
        if (person is null && email is not null)
        {
            // Whom a refused Entra ID identity claimed to be: a deactivated person, or one another account is bound to.
            var normalised = email.ToLowerInvariant();
            person = await db.People.AsNoTracking().Where(p => p.Email.ToLower() == normalised).Select(p => new { p.Id, p.Name, p.IsActive }).FirstOrDefaultAsync(cancellationToken);
        }

        var reason = signIn.Type != AuditEventTypes.SignInRefused ? null
            : person is null ? "not in the directory"
            : !person.IsActive ? "deactivated"
            : "another Entra ID account signs in as them";
        var who = person?.Name ?? (email is null ? "Someone" : $"Someone ({email})");
        var summary = signIn.Type switch
        {
            AuditEventTypes.SignedIn => $"{who} signed in with {method}",
            AuditEventTypes.SignedOut => $"{who} signed out",
            _ => $"{who} could not sign in with {method}: {reason}",
        };
        var actor = new Actor(person?.Id, person?.Name ?? "Unknown person", Roles.None);
        db.Record(actor, _time.GetUtcNow().UtcDateTime, signIn.Type, "Person", person?.Id.ToString(), summary,
            after: new { method, reason, claimedEmail = person is null ? email : null }, personId: person?.Id);
        await db.SaveChangesAsync(cancellationToken);
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
