using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Sets the time zone the signed-in person sees dates and times in. The browser's zone is offered on a first visit
/// (<paramref name="onlyIfUnset"/>: a detected zone never overrides one the person chose); the profile page sets it.
/// </summary>
public sealed class SetTimeZone(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task HandleAsync(Actor actor, string timeZone, bool onlyIfUnset = false, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        var zone = TimeZones.Find(timeZone)
            ?? throw new ValidationException([$"\"{timeZone}\" is not a time zone this server knows. Pick one from the list."]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // A preference, not a career record: last write wins, so no version check.
        var person = db.People.Where(p => p.Id == personId);
        if (onlyIfUnset)
        {
            person = person.Where(p => p.TimeZone == null);
        }

        await person.ExecuteUpdateAsync(u => u.SetProperty(p => p.TimeZone, zone.Id), cancellationToken);
    }
}
