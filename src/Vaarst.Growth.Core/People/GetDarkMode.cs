using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>Whether the signed-in person chose dark mode.</summary>
public sealed class GetDarkMode(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<bool> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.Where(p => p.Id == personId).Select(p => p.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken) == true;
    }
}
