using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Who may review whom: the line manager, or a delegate an administrator assigned for a period, of a person who is active.
/// Never oneself.
/// </summary>
public static class ReviewAuthority
{
    /// <summary>
    /// The relation, once: the people <c>reviewerId</c> stands over on <c>today</c> — the reports of the reviewer and of
    /// every manager who delegated to them for a period that includes today, never the reviewer themself — active or not.
    /// It grants reading a record by name (<see cref="RecordAccess"/>), not reviewing it.
    /// </summary>
    private static readonly Expression<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>> Overseen = (db, reviewerId, today) =>
        db.People.Where(p => p.Id != reviewerId && p.ManagerId != null
            && db.People.Where(m => m.Id == reviewerId).Select(m => m.Id)
                .Concat(db.Delegations
                    .Where(d => d.DelegateId == reviewerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
                    .Select(d => d.ManagerId))
                .Contains(p.ManagerId.Value));

    /// <summary>
    /// The rule, once: the people <c>reviewerId</c> may review on <c>today</c> — those they stand over
    /// (<see cref="Overseen"/>) who are active. A deactivated person's record is kept read-only: their items are in no
    /// queue or count, and no decision on them is recorded (<see cref="RequireReviewerAsync"/>) until they are
    /// reactivated. Every LINQ query (<see cref="ReviewablePeople"/>) and compiled query (<see cref="Reviewable"/>) uses
    /// this one expression.
    /// </summary>
    private static readonly Expression<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>> Rule = OnlyActive(Overseen);

    private static Expression<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>> OnlyActive(Expression<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>> people)
    {
        Expression<Func<Person, bool>> active = p => p.IsActive;
        return Expression.Lambda<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Person)], people.Body, Expression.Quote(active)), people.Parameters);
    }

    /// <summary>The refusal of a decision on a person who is no longer active, for the reviewer.</summary>
    public static string NoLongerActiveMessage(string name) => $"{name} is no longer active; their record is kept read-only.";

    /// <summary>The people <paramref name="reviewerId"/> may review today (never including themselves).</summary>
    public static IQueryable<Person> ReviewablePeople(GrowthDbContext db, int reviewerId, DateOnly today) => Query(Rule, db, reviewerId, today);

    /// <summary>
    /// The people <paramref name="reviewerId"/> stands over today, active or not (never including themselves): whose
    /// record they read by name (<see cref="RecordAccess"/>). Only the active ones are <see cref="ReviewablePeople"/>.
    /// </summary>
    public static IQueryable<Person> OverseenPeople(GrowthDbContext db, int reviewerId, DateOnly today) => Query(Overseen, db, reviewerId, today);

    private static IQueryable<Person> Query(Expression<Func<GrowthDbContext, int, DateOnly, IQueryable<Person>>> rule, GrowthDbContext db, int reviewerId, DateOnly today)
    {
        // The rule's parameters as members of a constant, as a closure would be: EF reads the context's sets from it and
        // sends the reviewer and the day as SQL parameters.
        var arguments = Expression.Constant(new Arguments(db, reviewerId, today));
        var query = Bind(rule.Body, rule.Parameters, [
            Expression.Property(arguments, nameof(Arguments.Db)),
            Expression.Property(arguments, nameof(Arguments.ReviewerId)),
            Expression.Property(arguments, nameof(Arguments.Today)),
        ]);
        return ((IQueryable<Person>)db.People).Provider.CreateQuery<Person>(query);
    }

    /// <summary>
    /// A placeholder for <see cref="ReviewablePeople"/> inside an EF compiled query (whose reviewer and day are
    /// parameters of the query), replaced by the rule in <see cref="Expand{T}"/>. Never runs.
    /// </summary>
    public static IQueryable<Person> Reviewable(GrowthDbContext db, int reviewerId, DateOnly today) =>
        throw new InvalidOperationException("ReviewAuthority.Reviewable only marks a place in a query for ReviewAuthority.Expand.");

    /// <summary>Puts the rule in place of every <see cref="Reviewable"/> in <paramref name="query"/>.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    private sealed record Arguments(GrowthDbContext Db, int ReviewerId, DateOnly Today);

    private static Expression Bind(Expression body, IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) =>
        new Substitution(parameters.Zip(arguments).ToDictionary(x => x.First, x => x.Second)).Visit(body);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(ReviewAuthority) && node.Method.Name == nameof(Reviewable)
                ? Bind(Rule.Body, Rule.Parameters, node.Arguments.Select(Visit).ToList()!)
                : base.VisitMethodCall(node);
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }

    /// <summary>
    /// Refuses anyone who is not the engineer's line manager or an active delegate, anyone reviewing themselves, and
    /// every decision on an engineer who is no longer active (their record is kept read-only; said to their reviewers only).
    /// </summary>
    public static async Task RequireReviewerAsync(GrowthDbContext db, Actor actor, int engineerId, DateOnly today, CancellationToken cancellationToken)
    {
        var reviewerId = actor.RequirePerson();
        if (reviewerId == engineerId)
        {
            throw new ForbiddenException("Nobody signs off their own items: your line manager reviews them.");
        }

        if (!await ReviewablePeople(db, reviewerId, today).AnyAsync(p => p.Id == engineerId, cancellationToken))
        {
            var inactive = await OverseenPeople(db, reviewerId, today).Where(p => p.Id == engineerId && !p.IsActive).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            if (inactive is not null)
            {
                throw new ForbiddenException(NoLongerActiveMessage(inactive));
            }

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
