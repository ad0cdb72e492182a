using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>The signed-in engineer's evidence library, newest work first; archived evidence only when asked for.</summary>
public sealed class GetEvidenceLibrary(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EvidenceView>> HandleAsync(Actor actor, bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EvidenceView.ReadAsync(
            db, db.Evidence.AsNoTracking().Where(e => e.OwnerId == personId && (includeArchived || !e.IsArchived)), colleagueNames: true, cancellationToken);
    }
}
