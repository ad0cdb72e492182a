using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record OutcomeView(string SessionName, int TargetLevel, DateOnly ScheduledOn, string CandidateName, bool IsMe, Outcome Decision, string Rationale, DateTime ClosedAtUtc);

/// <summary>
/// Decisions of closed sessions that concern the caller: their own, and (for a line manager) their nominees'.
/// Nothing is visible before the chair closes the session.
/// </summary>
public sealed class GetMyOutcomes(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OutcomeView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Nominations.AsNoTracking()
            .Where(n => n.Session!.State == SessionState.Closed && n.Decision != null
                && (n.CandidateId == me || n.NominatedById == me || n.Candidate!.ManagerId == me))
            .OrderByDescending(n => n.Session!.ClosedAtUtc)
            .Select(n => new OutcomeView(n.Session!.Name, n.Session.TargetLevel, n.Session.ScheduledOn, n.Candidate!.Name, n.CandidateId == me,
                n.Decision!.Value, n.DecisionRationale!, n.Session.ClosedAtUtc!.Value))
            .ToListAsync(cancellationToken);
    }
}
