using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Gap;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// "Not yet" is a plan: a Not yet or Defer names the areas of the candidate's record to work on (required in a promotion
/// cycle) and, optionally, a later cycle that looks again. A Promote carries no plan. On release the plan is handed to the
/// engineer's gap view as a <see cref="DevelopmentPlan"/>.
/// </summary>
internal static class DecisionPlan
{
    public sealed record Validated(string? Areas, int? RevisitCycleId, string? RevisitCycleName);

    public static async Task<Validated> ValidateAsync(GrowthDbContext db, CalibrationSession session, int nominationId, RecordDecisionRequest request, CancellationToken cancellationToken)
    {
        if (request.Outcome == Outcome.Promote)
        {
            return new Validated(null, null, null);
        }

        var areas = (request.PlanAreas ?? []).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct(TextIdentity.Comparer).ToList();
        if (areas.Count == 0 && session.CycleId is not null)
        {
            throw new ValidationException("Name the areas the candidate works on next: a Not yet or Defer is a plan.");
        }

        var snapshot = await db.DossierSnapshots.Where(d => d.NominationId == nominationId).Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
        if (snapshot is not null)
        {
            var known = CandidateRecords.Deserialize(snapshot).Areas.Select(a => a.Name).ToHashSet(TextIdentity.Comparer);
            var unknown = areas.Where(a => !known.Contains(a)).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException($"Choose areas from the candidate's record: {string.Join(", ", unknown)} is not one of them.");
            }
        }

        var joined = string.Join("\n", areas);
        if (joined.Length > TextLimits.LongText)
        {
            throw new ValidationException("Name fewer areas: the plan is too long.");
        }

        string? revisitName = null;
        if (request.RevisitCycleId is { } revisit)
        {
            var cycle = await db.PromotionCycles.Where(c => c.Id == revisit && c.ReleasedAtUtc == null && c.Id != session.CycleId)
                .Select(c => new { c.Name, c.OpensOn }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException("Choose a later promotion cycle, not released yet, to look at the candidate again.");
            revisitName = cycle.Name;
        }

        return new Validated(areas.Count == 0 ? null : joined, request.RevisitCycleId, revisitName);
    }

    /// <summary>The development plans of <paramref name="nominations"/>'s released Not yet / Defer decisions, to add with the release.</summary>
    public static async Task AddReleasedAsync(GrowthDbContext db, IQueryable<Nomination> nominations, DateTime now, CancellationToken cancellationToken)
    {
        var plans = await nominations.Where(n => n.PlanAreas != null && n.Decision != Outcome.Promote)
            .Select(n => new
            {
                n.CandidateId, n.PlanAreas, n.Decision,
                Source = n.Session!.Cycle != null ? n.Session.Cycle.Name : n.Session.Name,
                Revisit = db.PromotionCycles.Where(c => c.Id == n.RevisitCycleId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        db.DevelopmentPlans.AddRange(plans.Select(p => new DevelopmentPlan
        {
            PersonId = p.CandidateId, Areas = p.PlanAreas!, Source = $"{OutcomeLabels.Of(p.Decision!.Value)} · {p.Source}", RevisitCycle = p.Revisit, ReleasedAtUtc = now,
        }));
    }
}
