using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>
/// An item as the reviewer saw it in the queue: its version, <see cref="ReviewQueueEntry.EvidenceFingerprint"/> and
/// whether it was a sign-off waiting for re-confirmation (<see cref="QueueReason.Reconfirm"/>).
/// </summary>
public sealed record ItemAsSeen(int ItemId, int ExpectedVersion, string EvidenceFingerprint, bool Reconfirm = false)
{
    public static ItemAsSeen Of(ReviewQueueEntry entry) => new(entry.ItemId, entry.Version, entry.EvidenceFingerprint, entry.Reason == QueueReason.Reconfirm);
}

/// <summary>
/// Sign off all the items (comment optional; an item seen as waiting for re-confirmation is re-confirmed instead) or
/// request changes on all of them (comment required; not on re-confirmations).
/// </summary>
public sealed record DecideItemsRequest(DecisionKind Kind, string? Comment, IReadOnlyList<ItemAsSeen> Items);

/// <summary>An item the batch did not decide, and why (it changed since the queue was loaded, or the decision was refused).</summary>
public sealed record ItemLeftOut(int ItemId, string Reason);

public sealed record DecideItemsResult(IReadOnlyList<ItemSaved> Decided, IReadOnlyList<ItemLeftOut> LeftOut);

/// <summary>
/// The reviewer decides several items from the queue at once. Each item is decided exactly as one at a time
/// (<see cref="SignOffItem"/> or <see cref="RequestChanges"/>: authority, version and evidence as seen, its own decision
/// record, audit event and notification), and each in its own transaction: an item that changed since the queue was
/// loaded, or whose decision is refused, is left out and listed with the reason, and the rest are decided. The whole
/// batch is refused up front, deciding nothing, when its comment is missing or too long, or when it names an item the
/// caller does not review (a batch from the caller's own queue never does).
/// </summary>
public sealed class DecideItems(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public const int MaxItems = 200;

    public async Task<DecideItemsResult> HandleAsync(Actor actor, DecideItemsRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        actor.RequirePerson();
        Validate(request);
        await RequireReviewerOfAllAsync(actor, request, cancellationToken);

        var decided = new List<ItemSaved>();
        var leftOut = new List<ItemLeftOut>();
        foreach (var item in request.Items)
        {
            var decision = new DecisionRequest(item.ItemId, item.ExpectedVersion, request.Comment, item.EvidenceFingerprint);
            try
            {
                decided.Add(request.Kind == DecisionKind.RequestChanges
                    ? await new RequestChanges(dbFactory, notifications, time).HandleAsync(actor, decision, cancellationToken)
                    : item.Reconfirm
                        ? await new ReconfirmItem(dbFactory, notifications, time).HandleAsync(actor, decision, cancellationToken)
                        : await new SignOffItem(dbFactory, notifications, time).HandleAsync(actor, decision, cancellationToken));
            }
            catch (UseCaseException ex)
            {
                leftOut.Add(new ItemLeftOut(item.ItemId, ex.Message));
            }
        }

        return new DecideItemsResult(decided, leftOut);
    }

    private static void Validate(DecideItemsRequest request)
    {
        if (request.Kind is not (DecisionKind.SignOff or DecisionKind.RequestChanges))
        {
            throw new ValidationException("Several items at once can only be signed off or sent back for changes.");
        }

        if (request.Items.Count == 0)
        {
            throw new ValidationException("Select at least one item.");
        }

        if (request.Items.Count > MaxItems || request.Items.DistinctBy(i => i.ItemId).Count() != request.Items.Count)
        {
            throw new ValidationException($"Select up to {MaxItems} different items at once.");
        }

        if (request.Kind == DecisionKind.RequestChanges && request.Items.Any(i => i.Reconfirm))
        {
            throw new ValidationException("A sign-off waiting for re-confirmation is re-confirmed, or revoked with a reason one at a time: leave it out of a request for changes.");
        }

        if (request.Kind == DecisionKind.RequestChanges && string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new ValidationException("Say what needs to change: the engineers read your comment to revise their items.");
        }

        if (request.Comment?.Trim().Length > ItemDecision.MaxCommentLength)
        {
            throw new ValidationException($"Keep the comment under {ItemDecision.MaxCommentLength} characters.");
        }
    }

    /// <summary>Refuses the batch, deciding nothing, when an item does not exist or belongs to an engineer the caller does not review today.</summary>
    private async Task RequireReviewerOfAllAsync(Actor actor, DecideItemsRequest request, CancellationToken cancellationToken)
    {
        var ids = request.Items.Select(i => i.ItemId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engineers = await db.ChecklistItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.PersonId }).ToListAsync(cancellationToken);
        if (engineers.Count != ids.Count)
        {
            throw new NotFoundException("One of the selected items does not exist.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var engineerId in engineers.Select(e => e.PersonId).Distinct())
        {
            await ReviewAuthority.RequireReviewerAsync(db, actor, engineerId, today, cancellationToken);
        }
    }
}
