using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record OutcomeView(string SessionName, int TargetLevel, DateOnly ScheduledOn, string CandidateName, bool IsMe, Outcome Decision, string Rationale, DateTime ClosedAtUtc);

/// <summary>
/// Decisions of closed sessions that concern the caller: on people whose record they read by name
/// (<see cref="RecordAccess.NamedReadable"/>: themselves, their reports, a delegating manager's reports; a panel's
/// reading has ended by then), and on people they nominated. Nothing is visible before the chair closes the session.
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
            .Where(n => n.Session!.State == SessionState.Closed && n.Decision != null && (readable.Contains(n.CandidateId) || n.NominatedById == me))
            .OrderByDescending(n => n.Session!.ClosedAtUtc)
            .Select(n => new OutcomeView(n.Session!.Name, n.Session.TargetLevel, n.Session.ScheduledOn, n.Candidate!.Name, n.CandidateId == me,
                n.Decision!.Value, n.DecisionRationale!, n.Session.ClosedAtUtc!.Value))
            .ToListAsync(cancellationToken);
    }
}
