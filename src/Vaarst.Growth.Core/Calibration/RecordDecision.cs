using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="PlanAreas">For Not yet / Defer: the areas of the candidate's record to work on (required in a promotion cycle).</param>
/// <param name="RevisitCycleId">For Not yet / Defer: a later cycle that looks at the candidate again (optional: "the next cycle").</param>
public sealed record RecordDecisionRequest(int NominationId, int ExpectedVersion, Outcome Outcome, string Rationale, IReadOnlyList<string>? PlanAreas = null, int? RevisitCycleId = null);

/// <summary>
/// The panel's decision on a candidate, with a required rationale, while the session runs. The chair records it; for a
/// candidate the chair is recused from (<see cref="Recusal"/>), any member who is not recused records it. A recused
/// member never does: a chair cannot decide on their own nominee or report.
/// </summary>
public sealed class RecordDecision(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, RecordDecisionRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!Enum.IsDefined(request.Outcome))
        {
            throw new ValidationException("Choose Promote, Not yet or Defer.");
        }

        var rationale = SessionAccess.Clean(request.Rationale, "A rationale", required: true)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
            ?? throw new NotFoundException("That candidate does not exist.");
        var session = await SessionAccess.RequireMemberAsync(db, actor, nomination.SessionId, cancellationToken, track: true);
        var now = time.GetUtcNow().UtcDateTime;
        var conflicts = await Recusal.ForNominationAsync(db, nomination.Id, DateOnly.FromDateTime(now), cancellationToken);
        var me = actor.RequirePerson();
        conflicts.RequireNotRecused(me, "The decision on them");
        var chairRecused = conflicts.Of(session.ChairId) is not null;
        if (!conflicts.MayDecide(session, me))
        {
            throw new ForbiddenException("Only the session's chair records decisions (another member does only for a candidate the chair is recused from).");
        }

        // After release a decision is locked; an approved reopening (chair asked, another administrator approved) unlocks it once.
        var reopened = session.State == SessionState.Closed
            ? await db.ReopenRequests.FirstOrDefaultAsync(r => r.NominationId == nomination.Id && r.ApprovedAtUtc != null && r.RedecidedAtUtc == null, cancellationToken)
            : null;
        if (session.State != SessionState.InSession && reopened is null)
        {
            throw new ValidationException(session.State == SessionState.Closed
                ? "The session is closed and this decision is locked: the chair can ask an administrator to reopen it."
                : "Start the session before recording decisions.");
        }

        var plan = await DecisionPlan.ValidateAsync(db, session, nomination.Id, request, cancellationToken);
        if (nomination.Version != request.ExpectedVersion)
        {
            throw new ConflictException("This decision changed since you opened the page. Nothing was saved: reload to see the latest.");
        }

        // The decision is bound to the frozen record the panel read (null for a session started before records were frozen).
        var record = await db.DossierSnapshots.Where(d => d.NominationId == nomination.Id).Select(d => d.ContentHash).FirstOrDefaultAsync(cancellationToken);
        var before = new { decision = nomination.Decision?.ToString(), rationale = nomination.DecisionRationale };
        nomination.Decision = request.Outcome;
        nomination.DecisionRationale = rationale;
        nomination.DecidedAtUtc = now;
        nomination.DecidedById = actor.PersonId;
        nomination.PlanAreas = plan.Areas;
        if (reopened is not null)
        {
            // The outcome is out already: the new decision reaches the engineer's plan now, the old one stays in the request.
            reopened.RedecidedAtUtc = now;
            if (plan.Areas is not null)
            {
                db.DevelopmentPlans.Add(new Gap.DevelopmentPlan { PersonId = nomination.CandidateId, Areas = plan.Areas, Source = $"{OutcomeLabels.Of(request.Outcome)} · {session.Name} (reopened)", RevisitCycle = plan.RevisitCycleName, ReleasedAtUtc = now });
            }
        }

        nomination.RevisitCycleId = plan.RevisitCycleId;
        db.Record(actor, now, AuditEventTypes.CalibrationDecided, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} recorded {OutcomeLabels.Of(request.Outcome)} for {SessionAccess.Label(nomination.Alias)} in \"{session.Name}\"",
            before, new { decision = request.Outcome.ToString(), rationale, plan = plan.Areas, revisitCycle = plan.RevisitCycleName, chairRecused, record, reopened = reopened?.Id }, nomination.CandidateId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This decision changed at the same moment. Nothing was saved: reload to see the latest.");
        }
    }
}

/// <summary>How outcomes read to people.</summary>
public static class OutcomeLabels
{
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Promote => "Promote",
        Outcome.NotYet => "Not yet",
        Outcome.Defer => "Defer",
        _ => outcome.ToString(),
    };
}
