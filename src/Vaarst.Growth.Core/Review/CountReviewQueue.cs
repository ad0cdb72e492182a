using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>How many items wait for the reviewer, for the count in the navigation.</summary>
public sealed class CountReviewQueue(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var reviewerId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviewable = ReviewAuthority.ReviewablePeople(db, reviewerId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).Select(p => p.Id);
        return await db.ChecklistItems.Where(GetReviewQueue.Waiting).CountAsync(i => reviewable.Contains(i.PersonId), cancellationToken);
    }
}
