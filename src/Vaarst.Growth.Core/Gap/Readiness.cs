using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Gap;

/// <summary>A checklist statement that counts for readiness (defined area, current, in All or the engineer's specialism).</summary>
public sealed record ApplicableStatement(int StatementId, int CraftId, int LevelNumber, string SectionName, bool AppliesToAll);

/// <summary>The state of one engineer's item, as readiness needs it.</summary>
public sealed record ItemState(int PersonId, int StatementId, ItemStatus Status, bool NeedsReconfirmation, SelfRating Rating);

/// <summary>
/// Readiness for a level: signed-off statements ÷ applicable statements. "Not applicable" ratings leave the
/// denominator; undefined (TODO) areas never enter it; a sign-off that needs re-confirmation does not count until re-confirmed.
/// </summary>
public sealed record Readiness(int Applicable, int SignedOff, int Submitted, int NeedsReconfirmation)
{
    public double Ratio => Applicable == 0 ? 0 : (double)SignedOff / Applicable;

    public int Percent => (int)Math.Round(Ratio * 100);

    public static Readiness Of(IEnumerable<ApplicableStatement> statements, IEnumerable<ItemState> items, int craftId, int level, string? specialism)
    {
        var ids = statements
            .Where(s => s.CraftId == craftId && s.LevelNumber == level && (s.AppliesToAll || s.SectionName == specialism))
            .Select(s => s.StatementId)
            .ToHashSet();
        var mine = items.Where(i => ids.Contains(i.StatementId)).ToList();
        var notApplicable = mine.Count(i => i.Rating == SelfRating.NotApplicable);
        return new Readiness(
            ids.Count - notApplicable,
            mine.Count(i => i.Status == ItemStatus.SignedOff && !i.NeedsReconfirmation && i.Rating != SelfRating.NotApplicable),
            mine.Count(i => i.Status == ItemStatus.Submitted),
            mine.Count(i => i.Status == ItemStatus.SignedOff && i.NeedsReconfirmation));
    }
}
