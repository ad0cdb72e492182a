using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>Remembers the signed-in person's choice of dark or light mode, on any device they use.</summary>
public sealed class SetDarkMode(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task HandleAsync(Actor actor, bool darkMode, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // A preference, not a career record: last write wins, so no version check.
        await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(u => u.SetProperty(p => p.PrefersDarkMode, darkMode), cancellationToken);
    }
}
