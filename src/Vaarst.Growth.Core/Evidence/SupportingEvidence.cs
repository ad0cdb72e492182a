using System.Linq.Expressions;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// Evidence's public query of what supports checklist items: the links of evidence that is not archived. What counts
/// as an item's evidence (the counts on the checklist, the review queue, the gap and the team views) is read here, so
/// the features after Evidence neither repeat the rule nor need a navigation from the item to its evidence.
/// </summary>
public static class SupportingEvidence
{
    /// <summary>
    /// The rule: a link counts while its evidence is not archived. An expression, so EF compiled queries (whose context is
    /// a parameter, not a value to call <see cref="Current"/> on) use it too: <c>db.EvidenceSupports.Where(SupportingEvidence.IsCurrent)</c>.
    /// </summary>
    public static readonly Expression<Func<EvidenceSupport, bool>> IsCurrent = s => !s.Evidence!.IsArchived;

    /// <summary>The current links (archived evidence left out), to count per item: <c>current.Count(s =&gt; s.ChecklistItemId == item.Id)</c>.</summary>
    public static IQueryable<EvidenceSupport> Current(GrowthDbContext db) => db.EvidenceSupports.Where(IsCurrent);
}
