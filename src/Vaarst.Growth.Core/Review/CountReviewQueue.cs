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
        var total = 0;
        await foreach (var count in PerReviewablePerson.For(db)(db, reviewerId, today).WithCancellation(cancellationToken))
        {
            total += count;
        }

        return total;
    }

    // Compiled (once per model): the layout counts it on every page, and building a LINQ query with the review rule in it
    // cost EF more than SQLite's answer (docs/performance.md, issue #15).
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, DateOnly, IAsyncEnumerable<int>>> PerReviewablePerson = new(() =>
        EF.CompileAsyncQuery(ReviewAuthority.Expand<Func<GrowthDbContext, int, DateOnly, IQueryable<int>>>((db, reviewerId, today) =>
            ReviewAuthority.Reviewable(db, reviewerId, today)
                .Select(p => db.ChecklistItems.Where(GetReviewQueue.Waiting).Count(i => i.PersonId == p.Id)))));
}
