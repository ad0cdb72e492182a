using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Gap;

/// <param name="Areas">The areas to work on, as the panel named them.</param>
/// <param name="Source">Where it comes from, e.g. "Not yet · 2027 H1".</param>
/// <param name="RevisitCycle">The cycle that looks again, or null for "the next cycle".</param>
public sealed record DevelopmentPlanView(IReadOnlyList<string> Areas, string Source, string? RevisitCycle, DateTime ReleasedAtUtc);

/// <summary>
/// An engineer's released development plans ("Not yet is a plan"), newest first, for those who read their record by name
/// (<see cref="RecordAccess.NamedReadable"/>): shown beside the gap view's next actions. Only released outcomes ever
/// become a plan, so this read needs nothing of calibration.
/// </summary>
public sealed class GetDevelopmentPlans(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<DevelopmentPlanView>> HandleAsync(Actor actor, int? personId = null, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        var person = personId ?? me;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = RecordAccess.NamedReadable(db, me, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (person != me && !await readable.ContainsAsync(person, cancellationToken))
        {
            throw new NotFoundException("That engineer's gap view does not exist, or you may not see it.");
        }

        var plans = await db.DevelopmentPlans.AsNoTracking().Where(p => p.PersonId == person)
            .OrderByDescending(p => p.ReleasedAtUtc).ThenByDescending(p => p.Id).Take(3)
            .ToListAsync(cancellationToken);
        return plans.Select(p => new DevelopmentPlanView(p.AreaList, p.Source, p.RevisitCycle, p.ReleasedAtUtc)).ToList();
    }
}
