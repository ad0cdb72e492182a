using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Releasing a cycle's outcomes, early (<see cref="AdvanceCycle"/>) or on its date (<see cref="ReleaseDueCycles"/>): every
/// session of the cycle must be closed; the release is recorded and audited, and each candidate and their manager are
/// told together, after the commit.
/// </summary>
internal static class CycleRelease
{
    /// <summary>The sessions that keep the cycle from being released (not closed yet).</summary>
    public static Task<List<string>> OpenSessionsAsync(GrowthDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.CalibrationSessions.Where(s => s.CycleId == cycleId && s.State != SessionState.Closed).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>Marks <paramref name="cycle"/> released and records the audit event; returns the notifications to send after the save.</summary>
    public static async Task<List<NotificationMessage>> ReleaseAsync(GrowthDbContext db, Actor actor, PromotionCycle cycle, DateTime now, CancellationToken cancellationToken)
    {
        var decided = await db.Nominations.Where(n => n.Session!.CycleId == cycle.Id && n.Decision != null)
            .Select(n => new { n.CandidateId, n.Candidate!.ManagerId, n.NominatedById }).ToListAsync(cancellationToken);
        await DecisionPlan.AddReleasedAsync(db, db.Nominations.Where(n => n.Session!.CycleId == cycle.Id), now, cancellationToken);
        cycle.ReleasedAtUtc = now;
        cycle.ReleasedById = actor.PersonId;
        db.Record(actor, now, AuditEventTypes.CycleReleased, "PromotionCycle", cycle.Id.ToString(),
            $"{actor.Name} released the outcomes of \"{cycle.Name}\" ({decided.Count} candidate(s))", new { released = false }, new { released = true, candidates = decided.Count });
        return decided.SelectMany(n => new[] { n.CandidateId, n.ManagerId ?? n.NominatedById, n.NominatedById }
                .Distinct()
                .Select(recipient => new NotificationMessage(recipient, NotificationKinds.CalibrationOutcome,
                    recipient == n.CandidateId ? $"Your promotion outcome for \"{cycle.Name}\" is released" : $"Promotion outcomes for \"{cycle.Name}\" are released: see your reports' outcomes",
                    "/calibration/outcomes")))
            .DistinctBy(m => (m.RecipientId, m.Title)).ToList();
    }
}
