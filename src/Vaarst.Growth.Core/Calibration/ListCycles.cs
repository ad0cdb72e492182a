using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="OpenSessions">Sessions of the cycle not closed yet (they hold the release back).</param>
public sealed record CycleSummary(CycleStatus Status, int Sessions, int OpenSessions, int Candidates, int Acknowledged);

/// <summary>Every promotion cycle with its phase today, newest first, for administrators.</summary>
public sealed class ListCycles(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<CycleSummary>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators manage promotion cycles.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycles = await db.PromotionCycles.AsNoTracking().OrderByDescending(c => c.OpensOn).ThenBy(c => c.Name)
            .Select(c => new
            {
                Cycle = c,
                Sessions = db.CalibrationSessions.Count(s => s.CycleId == c.Id),
                Open = db.CalibrationSessions.Count(s => s.CycleId == c.Id && s.State != SessionState.Closed),
                Candidates = db.Nominations.Count(n => n.Session!.CycleId == c.Id),
                Acknowledged = db.Nominations.Count(n => n.Session!.CycleId == c.Id && n.AcknowledgedAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        return cycles.Select(c => new CycleSummary(CycleCalendar.StatusOn(c.Cycle, today), c.Sessions, c.Open, c.Candidates, c.Acknowledged)).ToList();
    }
}
