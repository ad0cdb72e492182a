using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>What the directory says about a person right now: the only source of who they may be.</summary>
public sealed record DirectoryAuthority(int PersonId, string Name, Roles Roles, bool IsActive, string SecurityStamp);

/// <summary>
/// Authority is current on every action: each use case starts by confirming its caller against the directory, so a
/// deactivated person, a session that ended (sign-out, deactivation) or a reduced set of roles applies at the next
/// action — in an open tab as much as on a fresh request — whatever the sign-in cookie said. One indexed single-row
/// read per use case call, or one per HTTP request for all the use cases the request runs (<see cref="RequestAuthority"/>);
/// nothing is kept beyond a request, so several app instances on one database agree at once.
/// The authorization matrix runs every use case with callers the directory has deactivated or whose session ended.
/// </summary>
public static class Authority
{
    public const string AccessEndedMessage =
        "Your access has ended: you are no longer active in the directory. Ask your administrator if you think this is a mistake.";

    public const string SessionEndedMessage =
        "Your session has ended: you signed out, or your access was changed. Sign in again to continue.";

    /// <summary>
    /// The caller as the directory knows them now: current name and roles, the claimed ones dropped. Refuses with
    /// <see cref="ForbiddenException"/> when the person is gone or inactive, or when the caller's session stamp is no
    /// longer the person's. The system and anonymous callers (no person) come back unchanged.
    /// </summary>
    public static async Task<Actor> ConfirmAsync(this IDbContextFactory<GrowthDbContext> dbFactory, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.PersonId is not { } personId)
        {
            return actor;
        }

        var current = RequestAuthority.Recall(personId) ?? await dbFactory.ReadAuthorityAsync(personId, cancellationToken);
        if (current is not { IsActive: true })
        {
            throw new ForbiddenException(AccessEndedMessage);
        }

        if (actor.SecurityStamp is not null && actor.SecurityStamp != current.SecurityStamp)
        {
            throw new ForbiddenException(SessionEndedMessage);
        }

        return actor.Name == current.Name && actor.Roles == current.Roles ? actor : actor with { Name = current.Name, Roles = current.Roles };
    }

    /// <summary>The directory's current record of a person (for the sign-in cookie's check on every request), or null.</summary>
    public static async Task<DirectoryAuthority?> ReadAuthorityAsync(this IDbContextFactory<GrowthDbContext> dbFactory, int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Compiled (once per model: one process, the tests, may use both providers' models): every use case call reads it.
        return await ReadAuthority.For(db)(db, personId, cancellationToken);
    }

    private static readonly CompiledPerModel<Func<GrowthDbContext, int, CancellationToken, Task<DirectoryAuthority?>>> ReadAuthority = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId, CancellationToken _) => db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new DirectoryAuthority(p.Id, p.Name, p.Roles, p.IsActive, p.SecurityStamp))
            .FirstOrDefault()));
}
