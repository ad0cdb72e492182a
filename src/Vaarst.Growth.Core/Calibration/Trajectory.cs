using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>A past, released outcome of the same candidate: the cycle (or session), the decision and how ready the frozen record was.</summary>
/// <param name="ReadinessPercent">Signed-off share of the record the panel decided on; null for sessions from before records were frozen.</param>
public sealed record TrajectoryPoint(string Cycle, Outcome Decision, int? ReadinessPercent);

/// <summary>
/// A candidate's trajectory, as calibrators see it (Culture Amp shows up to three past cycles; Leapsome keeps the
/// pre-calibration and final view): their last released outcomes, and how far this panel moved from its pre-reads. It
/// names no one, so blind sessions show it as it is.
/// </summary>
/// <param name="PreReadMajority">The outcome most pre-reads gave; null with no pre-reads or a tie.</param>
/// <param name="Final">The panel's decision, once recorded.</param>
public sealed record Trajectory(IReadOnlyList<TrajectoryPoint> Past, Outcome? PreReadMajority, int PreReads, Outcome? Final)
{
    /// <summary>The panel decided differently from what most members thought before the discussion.</summary>
    public bool PanelMoved => PreReadMajority is { } majority && Final is { } final && majority != final;
}

internal static class Trajectories
{
    public const int PastCycles = 3;

    /// <summary>The trajectory of each of <paramref name="nominations"/> (ids of one session), in as few queries whatever their number.</summary>
    public static async Task<Dictionary<int, Trajectory>> ForAsync(GrowthDbContext db, IReadOnlyCollection<int> nominations, CancellationToken cancellationToken)
    {
        var current = await db.Nominations.AsNoTracking().Where(n => nominations.Contains(n.Id))
            .Select(n => new { n.Id, n.CandidateId, n.Decision, PreReads = n.PreReads.Select(p => p.Outcome).ToList() })
            .ToListAsync(cancellationToken);
        var candidates = current.Select(c => c.CandidateId).ToList();
        var past = await db.Nominations.AsNoTracking()
            .Where(n => candidates.Contains(n.CandidateId) && !nominations.Contains(n.Id) && n.Decision != null)
            .Where(OutcomeVisibility.Released)
            .OrderByDescending(n => n.Session!.ClosedAtUtc)
            .Select(n => new
            {
                n.CandidateId, n.Decision, Cycle = n.Session!.Cycle != null ? n.Session.Cycle.Name : n.Session.Name,
                Record = db.DossierSnapshots.Where(d => d.NominationId == n.Id).Select(d => d.Content).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var byCandidate = past.ToLookup(p => p.CandidateId);
        return current.ToDictionary(c => c.Id, c =>
        {
            var points = byCandidate[c.CandidateId].Take(PastCycles)
                .Select(p => new TrajectoryPoint(p.Cycle, p.Decision!.Value, p.Record is null ? null : CandidateRecords.Deserialize(p.Record).Overall.Percent))
                .ToList();
            var tally = c.PreReads.GroupBy(o => o).Select(g => (Outcome: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
            Outcome? majority = tally.Count == 0 || (tally.Count > 1 && tally[0].Count == tally[1].Count) ? null : tally[0].Outcome;
            return new Trajectory(points, majority, c.PreReads.Count, c.Decision);
        });
    }
}
