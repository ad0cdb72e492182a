using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Home;

/// <summary>What waits for the signed-in person, per role they hold; a role they do not hold is <c>null</c>.</summary>
public sealed record HomeSummary(EngineerTasks? Engineer, ReviewerTasks? Reviewer, PanelTasks? Panel, AdministratorTasks? Administrator)
{
    /// <summary>True when no role has anything to do.</summary>
    public bool NothingDue =>
        (Engineer is null || Engineer.Total == 0) && (Reviewer is null || Reviewer.ToReview == 0)
        && (Panel is null || Panel.PreReadsDue == 0) && (Administrator is null || Administrator.EngineersWithoutManager == 0);
}

/// <param name="ChangesRequested">Own items a reviewer asked to change.</param>
/// <param name="UnreadDecisions">Unread notifications of a reviewer's decision on an own item (or a calibration outcome).</param>
/// <param name="Drafts">Own items rated but not yet submitted for review.</param>
/// <param name="AwaitingReconfirmation">Own signed-off items whose statement or evidence changed; the manager re-confirms them.</param>
public sealed record EngineerTasks(int ChangesRequested, int UnreadDecisions, int Drafts, int AwaitingReconfirmation)
{
    public int Total => ChangesRequested + UnreadDecisions + Drafts + AwaitingReconfirmation;
}

/// <param name="ToReview">Items waiting for the person as a reviewer, as <see cref="CountReviewQueue"/> counts them.</param>
public sealed record ReviewerTasks(int ToReview);

/// <param name="PreReadsDue">Undecided candidates in open sessions the person sits on without their pre-read.</param>
/// <param name="Sessions">How many open sessions those candidates are in.</param>
public sealed record PanelTasks(int PreReadsDue, int Sessions);

/// <param name="EngineersWithoutManager">Active engineers with no line manager: nobody can review their items.</param>
public sealed record AdministratorTasks(int EngineersWithoutManager);

/// <summary>
/// The home page's "what to do next": for each role the caller holds, counts of what waits for them. Flat counts, one
/// query per role; the review count is <see cref="CountReviewQueue"/>'s own (the queue's rule is not written again).
/// A reviewer's section appears for managers and for anyone with items to review (a delegate).
/// </summary>
public sealed class GetHomeSummary(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    private static readonly string[] DecisionKinds =
    [
        NotificationKinds.ItemSignedOff, NotificationKinds.ChangesRequested, NotificationKinds.SignOffRevoked,
        NotificationKinds.DecisionUndone, NotificationKinds.ItemReconfirmed, NotificationKinds.CalibrationOutcome,
    ];

    public async Task<HomeSummary> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        EngineerTasks? engineer = null;
        if (actor.Has(Roles.Engineer))
        {
            engineer = await EngineerCounts.For(db)(db, me, cancellationToken);
        }

        var toReview = await CountReviewQueue.CountAsync(db, me, today, cancellationToken);
        var reviewer = actor.Has(Roles.Manager) || toReview > 0 ? new ReviewerTasks(toReview) : null;

        PanelTasks? panel = null;
        if (actor.Has(Roles.CalibrationPanel))
        {
            var mySessions = db.PanelMembers.Where(m => m.PersonId == me).Select(m => m.SessionId);
            var open = db.Nominations.Where(n => mySessions.Contains(n.SessionId) && n.Session!.State != SessionState.Closed && n.Decision == null
                                                 && !db.PreReads.Any(r => r.NominationId == n.Id && r.PanelMemberId == me));
            var sessionOf = await open.AsNoTracking().Select(n => new { n.Id, n.SessionId }).ToDictionaryAsync(n => n.Id, n => n.SessionId, cancellationToken);
            // A member recused from a candidate (they nominated, manage or review them) records no pre-read for them.
            var ids = sessionOf.Keys.ToList();
            var due = (await Recusal.ForNominationsAsync(db, db.Nominations.Where(n => ids.Contains(n.Id)), today, cancellationToken))
                .Where(c => c.Of(me) is null)
                .Select(c => sessionOf[c.NominationId])
                .ToList();
            panel = new PanelTasks(due.Count, due.Distinct().Count());
        }

        AdministratorTasks? administrator = null;
        if (actor.IsAdministrator)
        {
            var withoutManager = await db.People.CountAsync(
                p => p.IsActive && p.ManagerId == null && (p.Roles & Roles.Engineer) == Roles.Engineer, cancellationToken);
            administrator = new AdministratorTasks(withoutManager);
        }

        return new HomeSummary(engineer, reviewer, panel, administrator);
    }

    // Compiled (once per model): every engineer's home page reads it.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, CancellationToken, Task<EngineerTasks>>> EngineerCounts = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int me, CancellationToken _) => db.People.AsNoTracking().Where(p => p.Id == me)
            .Select(p => new EngineerTasks(
                db.ChecklistItems.Count(i => i.PersonId == me && i.Status == ItemStatus.ChangesRequested),
                db.Notifications.Count(n => n.RecipientId == me && n.ReadAtUtc == null && DecisionKinds.Contains(n.Kind)),
                db.ChecklistItems.Count(i => i.PersonId == me && i.Status == ItemStatus.Draft && i.Rating != SelfRating.NotStarted),
                db.ChecklistItems.Count(i => i.PersonId == me && i.Status == ItemStatus.SignedOff && i.NeedsReconfirmation)))
            .Single()));
}
