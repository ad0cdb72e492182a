using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record OutcomeView(int NominationId, string? CycleName, DateTime? AcknowledgedAtUtc, string SessionName, int TargetLevel, DateOnly ScheduledOn, string CandidateName, bool IsMe, Outcome Decision, string Rationale, DateTime ClosedAtUtc,
    string? PlanAreas = null, string? RevisitCycle = null, int CandidateId = 0)
{
    /// <summary>For Not yet / Defer: the areas to work on next (empty for a Promote or a decision without a plan).</summary>
    public IReadOnlyList<string> Plan => PlanAreas?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>
/// Decisions of closed sessions that concern the caller: on people whose record they read by name
/// (<see cref="RecordAccess.NamedReadable"/>: themselves, their reports, a delegating manager's reports; a panel's
/// reading has ended by then), and on people they nominated. Nothing is visible before the chair closes the session and,
/// for a session of a promotion cycle, before the cycle's release (<see cref="OutcomeVisibility"/>).
/// </summary>
public sealed class GetMyOutcomes(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<OutcomeView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = RecordAccess.NamedReadable(db, me, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return await db.Nominations.AsNoTracking()
            .Where(OutcomeVisibility.Released)
            .Where(n => n.Decision != null && (readable.Contains(n.CandidateId) || n.NominatedById == me))
            .OrderByDescending(n => n.Session!.ClosedAtUtc)
            .Select(n => new OutcomeView(n.Id, n.Session!.Cycle != null ? n.Session.Cycle.Name : null, n.AcknowledgedAtUtc, n.Session!.Name, n.Session.TargetLevel, n.Session.ScheduledOn, n.Candidate!.Name, n.CandidateId == me,
                n.Decision!.Value, n.DecisionRationale!, n.Session.ClosedAtUtc!.Value, n.PlanAreas,
                db.PromotionCycles.Where(c => c.Id == n.RevisitCycleId).Select(c => c.Name).FirstOrDefault(), n.CandidateId))
            .ToListAsync(cancellationToken);
    }
}
