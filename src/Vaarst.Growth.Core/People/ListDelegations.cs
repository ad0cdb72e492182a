using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record DelegationView(int Id, string ManagerName, string DelegateName, DateOnly StartsOn, DateOnly EndsOn, bool IsActiveToday, bool IsOver);

/// <summary>Every delegation, current and upcoming first, for administrators.</summary>
public sealed class ListDelegations(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<DelegationView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators see review delegations.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Delegations.AsNoTracking()
            .Select(d => new { d.Id, Manager = d.Manager!.Name, Delegate = d.Delegate!.Name, d.StartsOn, d.EndsOn, d.EndedEarlyAtUtc })
            .ToListAsync(cancellationToken);
        return all
            .Select(d => new DelegationView(d.Id, d.Manager, d.Delegate, d.StartsOn, d.EndsOn,
                d.EndedEarlyAtUtc is null && d.StartsOn <= today && today <= d.EndsOn,
                d.EndedEarlyAtUtc is not null || d.EndsOn < today))
            .OrderBy(d => d.IsOver).ThenBy(d => d.StartsOn)
            .ToList();
    }
}
