using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

public sealed record GetReviewQueueRequest(int? EngineerId = null, int? AreaId = null);

/// <summary>What the reviewer is asked to do with an entry.</summary>
public enum QueueReason
{
    Review,
    Reconfirm,
}

public sealed record ReviewQueueEntry(
    int ItemId,
    int Version,
    QueueReason Reason,
    int EngineerId,
    string EngineerName,
    int AreaId,
    string AreaName,
    string StatementText,
    SelfRating Rating,
    int EvidenceCount,
    DateTime WaitingSinceUtc,
    string? ReconfirmationReason)
{
    /// <summary>
    /// <see cref="EvidenceBasis.FingerprintAsync"/> of the item as the queue read it: a decision taken from the queue
    /// (<see cref="DecideItems"/>) carries it back, so an item whose evidence changed since is left out.
    /// </summary>
    public string EvidenceFingerprint { get; init; } = "";
}

public sealed record ReviewQueue(IReadOnlyList<ReviewQueueEntry> Entries, IReadOnlyList<QueueOption> Engineers, IReadOnlyList<QueueOption> Areas);

public sealed record QueueOption(int Id, string Name);

/// <summary>
/// The reviewer's queue: their direct reports' (and, during a delegation, the delegating manager's reports')
/// submitted items and sign-offs needing re-confirmation, oldest first.
/// </summary>
public sealed class GetReviewQueue(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Submitted, or signed off and flagged for re-confirmation. Written as "one of two states, and …" so the
    /// (Status, PersonId) index answers it: an OR of the two cases makes SQLite scan both states organisation-wide.
    /// </summary>
    internal static readonly Expression<Func<ChecklistItem, bool>> Waiting = i =>
        (i.Status == ItemStatus.Submitted || i.Status == ItemStatus.SignedOff) && (i.Status == ItemStatus.Submitted || i.NeedsReconfirmation);

    // Compiled (once per model): every manager's queue page and review step reads it.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, DateOnly, IAsyncEnumerable<ReviewQueueEntry>>> Entries = new(() =>
        EF.CompileAsyncQuery(ReviewAuthority.Expand<Func<GrowthDbContext, int, DateOnly, IQueryable<ReviewQueueEntry>>>((db, reviewerId, today) =>
            db.ChecklistItems.AsNoTracking()
                .Where(Waiting)
                .Where(i => ReviewAuthority.Reviewable(db, reviewerId, today).Select(p => p.Id).Contains(i.PersonId))
                .Select(i => new ReviewQueueEntry(
                    i.Id, i.Version,
                    i.Status == ItemStatus.Submitted ? QueueReason.Review : QueueReason.Reconfirm,
                    i.PersonId, i.Person!.Name, i.Statement!.AreaId, i.Statement.Area!.Name, i.Statement.Text, i.Rating,
                    db.EvidenceSupports.Where(SupportingEvidence.IsCurrent).Count(s => s.ChecklistItemId == i.Id),
                    i.Status == ItemStatus.Submitted ? i.SubmittedAtUtc ?? i.UpdatedAtUtc : i.UpdatedAtUtc,
                    i.ReconfirmationReason)))));

    public async Task<ReviewQueue> HandleAsync(Actor actor, GetReviewQueueRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reviewerId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = new List<ReviewQueueEntry>();
        await foreach (var entry in Entries.For(db)(db, reviewerId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).WithCancellation(cancellationToken))
        {
            entries.Add(entry);
        }

        var fingerprints = await FingerprintsAsync(db, entries.Select(e => e.ItemId).ToList(), cancellationToken);
        var ordered = entries.Select(e => e with { EvidenceFingerprint = fingerprints.GetValueOrDefault(e.ItemId, EmptyBasis) }).OrderBy(e => e.WaitingSinceUtc).ThenBy(e => e.ItemId).ToList();
        var engineers = ordered.Select(e => new QueueOption(e.EngineerId, e.EngineerName)).Distinct().OrderBy(o => o.Name).ToList();
        var areas = ordered.Select(e => new QueueOption(e.AreaId, e.AreaName)).Distinct().OrderBy(o => o.Name).ToList();
        var filtered = ordered
            .Where(e => request.EngineerId is null || e.EngineerId == request.EngineerId)
            .Where(e => request.AreaId is null || e.AreaId == request.AreaId)
            .ToList();
        return new ReviewQueue(filtered, engineers, areas);
    }

    private static readonly string EmptyBasis = EvidenceFingerprint.OfBasis([]);

    /// <summary>Each item's evidence fingerprint, read in one query as <see cref="EvidenceBasis.OfAsync"/> reads one item's basis.</summary>
    private static async Task<Dictionary<int, string>> FingerprintsAsync(GrowthDbContext db, List<int> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return [];
        }

        var rows = await db.EvidenceSupports.AsNoTracking()
            .Where(s => itemIds.Contains(s.ChecklistItemId) && !s.Evidence!.IsArchived)
            .Select(s => new { s.ChecklistItemId, s.EvidenceId, s.Evidence!.ContentHash })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ChecklistItemId)
            .ToDictionary(g => g.Key, g => EvidenceFingerprint.OfBasis(g.Select(r => (r.EvidenceId, r.ContentHash))));
    }
}
