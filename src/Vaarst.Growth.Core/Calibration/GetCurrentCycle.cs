using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>A report's released outcome and whether they have acknowledged reading it.</summary>
public sealed record ReceiptView(string Name, string CycleName, DateTime? AcknowledgedAtUtc);

/// <param name="Current">The cycle under way (the earliest not yet released), or null when none is.</param>
/// <param name="OutcomesToAcknowledge">The caller's own released outcomes they have not acknowledged yet.</param>
/// <param name="Team">For line managers: their direct reports' outcomes of the most recently released cycle, acknowledged or not.</param>
public sealed record CycleOverview(CycleStatus? Current, int OutcomesToAcknowledge, IReadOnlyList<ReceiptView> Team);

/// <summary>
/// The promotion cycle as everyone sees it where it matters (home, team, calibration): its phase and the days left, the
/// caller's outcomes waiting for their acknowledgement and, for a manager, who in their team has not acknowledged yet.
/// </summary>
public sealed class GetCurrentCycle(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<CycleOverview> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.PromotionCycles.AsNoTracking().Where(c => c.ReleasedAtUtc == null)
            .OrderBy(c => c.ReleaseOn).ThenBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var mine = await db.Nominations.CountAsync(n => n.CandidateId == me && n.AcknowledgedAtUtc == null && n.Decision != null
            && n.Session!.State == SessionState.Closed && n.Session.Cycle!.ReleasedAtUtc != null, cancellationToken);
        IReadOnlyList<ReceiptView> team = [];
        if (actor.Has(Roles.Manager))
        {
            var latest = await db.PromotionCycles.Where(c => c.ReleasedAtUtc != null).OrderByDescending(c => c.ReleasedAtUtc)
                .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            team = latest is null
                ? []
                : await db.Nominations.AsNoTracking()
                    .Where(n => n.Session!.CycleId == latest && n.Decision != null && n.Candidate!.ManagerId == me)
                    .OrderBy(n => n.AcknowledgedAtUtc != null).ThenBy(n => n.Candidate!.Name)
                    .Select(n => new ReceiptView(n.Candidate!.Name, n.Session!.Cycle!.Name, n.AcknowledgedAtUtc))
                    .ToListAsync(cancellationToken);
        }

        return new CycleOverview(current is null ? null : CycleCalendar.StatusOn(current, today), mine, team);
    }
}
