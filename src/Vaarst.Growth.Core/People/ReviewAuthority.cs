using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.People;

/// <summary>Who may review whom: the line manager, or a delegate an administrator assigned for a period. Never oneself.</summary>
public static class ReviewAuthority
{
    /// <summary>The managers whose reports <paramref name="reviewerId"/> may review today: themselves and whoever delegated to them.</summary>
    public static IQueryable<int> ManagersReviewedBy(GrowthDbContext db, int reviewerId, DateOnly today) =>
        db.People.Where(p => p.Id == reviewerId).Select(p => p.Id)
            .Concat(db.Delegations
                .Where(d => d.DelegateId == reviewerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
                .Select(d => d.ManagerId));

    /// <summary>The people <paramref name="reviewerId"/> may review today (never including themselves).</summary>
    public static IQueryable<Person> ReviewablePeople(GrowthDbContext db, int reviewerId, DateOnly today)
    {
        var managers = ManagersReviewedBy(db, reviewerId, today);
        return db.People.Where(p => p.Id != reviewerId && p.ManagerId != null && managers.Contains(p.ManagerId.Value));
    }

    /// <summary>Refuses anyone who is not the engineer's line manager or an active delegate, and anyone reviewing themselves.</summary>
    public static async Task RequireReviewerAsync(GrowthDbContext db, Actor actor, int engineerId, DateOnly today, CancellationToken cancellationToken)
    {
        var reviewerId = actor.RequirePerson();
        if (reviewerId == engineerId)
        {
            throw new ForbiddenException("Nobody signs off their own items: your line manager reviews them.");
        }

        if (!await ReviewablePeople(db, reviewerId, today).AnyAsync(p => p.Id == engineerId, cancellationToken))
        {
            throw new ForbiddenException("Only the engineer's line manager, or a delegate an administrator assigned for this period, can review this item.");
        }
    }

    /// <summary>Who should hear about a new submission or a re-confirmation: the manager and today's delegates.</summary>
    public static async Task<IReadOnlyList<int>> ReviewersOfAsync(GrowthDbContext db, int engineerId, DateOnly today, CancellationToken cancellationToken)
    {
        var managerId = await db.People.Where(p => p.Id == engineerId).Select(p => p.ManagerId).SingleAsync(cancellationToken);
        if (managerId is null)
        {
            return [];
        }

        var delegates = await db.Delegations
            .Where(d => d.ManagerId == managerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
            .Select(d => d.DelegateId)
            .ToListAsync(cancellationToken);
        return Reviewers(engineerId, managerId, delegates);
    }

    /// <summary>The line manager and their active delegates, never the engineer themself; nobody without a manager.</summary>
    internal static IReadOnlyList<int> Reviewers(int engineerId, int? managerId, IEnumerable<int> activeDelegates) =>
        managerId is { } manager ? activeDelegates.Prepend(manager).Where(id => id != engineerId).Distinct().ToList() : [];
}
