using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>The signed-in person's display preferences: dark mode and the time zone dates and times are shown in.</summary>
public sealed record Preferences(bool DarkMode, string? TimeZone);

/// <summary>Reads the signed-in person's own <see cref="Preferences"/>.</summary>
public sealed class GetPreferences(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<Preferences> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Preferences(p.PrefersDarkMode == true, p.TimeZone))
            .SingleAsync(cancellationToken);
    }
}
