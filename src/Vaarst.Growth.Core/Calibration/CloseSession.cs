using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// The chair closes the session once every candidate has a decision. It is then locked. Candidates and their
/// managers see the decision and rationale, and are notified, when the session's cycle is released (<see cref="AdvanceCycle"/>,
/// <see cref="ReleaseDueCycles"/>); a session without a cycle (from before cycles) releases on close.
/// </summary>
public sealed class CloseSession(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireChairAsync(db, actor, sessionId, cancellationToken);
        if (session.State != SessionState.InSession)
        {
            throw new ValidationException(session.State == SessionState.Closed ? "The session is already closed." : "Start the session before closing it.");
        }

        var nominations = await db.Nominations.Where(n => n.SessionId == sessionId)
            .Select(n => new { n.Id, n.Alias, n.Decision, n.CandidateId, n.NominatedById }).ToListAsync(cancellationToken);
        var undecided = nominations.Where(n => n.Decision is null).Select(n => SessionAccess.Label(n.Alias)).ToList();
        if (undecided.Count > 0)
        {
            throw new ValidationException($"Record a decision for every candidate before closing: {string.Join(", ", undecided)}.");
        }

        var embargoed = session.CycleId is not null;
        var now = time.GetUtcNow().UtcDateTime;
        if (!embargoed)
        {
            await DecisionPlan.AddReleasedAsync(db, db.Nominations.Where(n => n.SessionId == sessionId), now, cancellationToken);
        }

        session.State = SessionState.Closed;
        session.ClosedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.SessionClosed, "CalibrationSession", session.Id.ToString(),
            embargoed
                ? $"{actor.Name} closed \"{session.Name}\"; decisions stay embargoed until the cycle's release"
                : $"{actor.Name} closed \"{session.Name}\"; decisions are now visible to candidates and their managers",
            new { state = "InSession" }, new { state = "Closed", decisions = nominations.Count });
        // Outcomes, their e-mails and the team's post commit with the closing (ADR 0013); an embargoed session's wait
        // for the cycle's release.
        if (!embargoed)
        {
            await notifications.AddAsync(db, nominations.SelectMany(n => new[]
            {
                new NotificationMessage(n.CandidateId, NotificationKinds.CalibrationOutcome, $"The calibration panel \"{session.Name}\" has recorded its decision", "/calibration/outcomes"),
                new NotificationMessage(n.NominatedById, NotificationKinds.CalibrationOutcome, $"Calibration \"{session.Name}\" is closed: see your nominees' outcomes", "/calibration/outcomes"),
            }).DistinctBy(m => (m.RecipientId, m.Title)).ToList(), cancellationToken);
            notifications.AddTeamMessage(db, NotificationKinds.OutcomesReleased, "/calibration/outcomes");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The session changed at the same moment. Nothing was saved: reload and close it again.");
        }
    }
}
