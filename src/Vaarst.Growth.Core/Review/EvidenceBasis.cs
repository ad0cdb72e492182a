using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Review;

/// <summary>
/// What a review decision is based on: the item's supporting evidence that is not archived, each with its content hash.
/// The review page and the decision read it the same way, so the fingerprint the reviewer saw can be checked.
/// </summary>
public static class EvidenceBasis
{
    public static async Task<IReadOnlyList<(int EvidenceId, string ContentHash)>> OfAsync(GrowthDbContext db, int itemId, CancellationToken cancellationToken)
    {
        var rows = await db.EvidenceSupports.AsNoTracking()
            .Where(s => s.ChecklistItemId == itemId && !s.Evidence!.IsArchived)
            .OrderBy(s => s.EvidenceId)
            .Select(s => new { s.EvidenceId, s.Evidence!.ContentHash })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.EvidenceId, r.ContentHash)).ToList();
    }

    /// <summary><see cref="Evidence.EvidenceFingerprint.OfBasis"/> of the item's basis as it is now.</summary>
    public static async Task<string> FingerprintAsync(GrowthDbContext db, int itemId, CancellationToken cancellationToken) =>
        Evidence.EvidenceFingerprint.OfBasis(await OfAsync(db, itemId, cancellationToken));
}
