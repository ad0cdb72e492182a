using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>How many items wait for the reviewer, for the count in the navigation.</summary>
public sealed class CountReviewQueue(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reviewerId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountAsync(db, reviewerId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>The count for a confirmed reviewer (also read by <see cref="People.GetNavigationSummary"/>).</summary>
    internal static async Task<int> CountAsync(GrowthDbContext db, int reviewerId, DateOnly today, CancellationToken cancellationToken)
    {
        // One count per reviewable person (a handful: direct reports and delegated teams), each answered from the
        // (PersonId, StatementId) index. Counting items whose PersonId is IN the reviewable set instead let SQLite walk
        // every submitted and signed-off item (~20,000 rows at 2,000 engineers) when it had no planner statistics — and
        // the navigation shows this count on every page, for everyone (docs/performance.md, load run).
        var perPerson = await ReviewAuthority.ReviewablePeople(db, reviewerId, today)
            .Select(p => db.ChecklistItems.Where(GetReviewQueue.Waiting).Count(i => i.PersonId == p.Id))
            .ToListAsync(cancellationToken);
        return perPerson.Sum();
    }
}
