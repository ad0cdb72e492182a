using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <param name="ExpectedVersion">The version of the person the administrator saw.</param>
public sealed record UnlinkEntraAccountRequest(int PersonId, int ExpectedVersion);

/// <summary>
/// An administrator unlinks the Entra ID account a person signs in with (their Entra account was replaced, so the stored
/// object id no longer matches and they could never sign in again). The person's next Entra ID sign-in is matched by
/// e-mail and links that account (<see cref="SignInDirectory.MatchAsync"/>); every session of the old account ends now.
/// Audited with the object id that was unlinked. Returns the person's new version.
/// </summary>
public sealed class UnlinkEntraAccount(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, UnlinkEntraAccountRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        PreviewDirectoryImport.RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken)
            ?? throw new NotFoundException("That person is not in the directory.");
        if (person.Version != request.ExpectedVersion)
        {
            throw new ConflictException("Someone changed this person since you opened them. Nothing was unlinked: reload to see the latest.");
        }

        if (person.EntraObjectId is not { } objectId)
        {
            throw new ValidationException($"{person.Name} has no Entra ID sign-in linked: nothing to unlink. Their next Entra ID sign-in is matched by e-mail.");
        }

        person.EntraObjectId = null;
        // The old account's sessions end with the link: a cookie it still holds carries the old stamp and is refused.
        person.SecurityStamp = Person.NewSecurityStamp();
        db.Record(actor, time.GetUtcNow().UtcDateTime, AuditEventTypes.EntraAccountUnlinked, "Person", person.Id.ToString(),
            $"{actor.Name} unlinked the Entra ID sign-in of {person.Name}; their next Entra ID sign-in with {person.Email} links that account",
            before: new { entraObjectId = objectId }, after: new { entraObjectId = (string?)null }, personId: person.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone changed this person at the same moment. Nothing was unlinked: reload to see the latest.");
        }

        return person.Version;
    }
}
