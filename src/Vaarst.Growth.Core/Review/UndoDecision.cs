using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>The item as the reviewer's decision left it: the version after the decision and the evidence fingerprint decided on.</summary>
public sealed record UndoDecisionRequest(int ItemId, int ExpectedVersion, string EvidenceFingerprint);

/// <summary>
/// The reviewer takes back their own sign-off or request for changes within <see cref="Window"/> of making it: a
/// revocation with the reason "undone" (a <see cref="DecisionKind.Revoke"/> decision, both kept in the history; its own
/// audit event and notification kind, "decision undone", so the history does not read as a revoked sign-off) that
/// puts the item back as it was before, submitted and waiting for review; its version moves forward. It is decided
/// by the same steps as every decision (<see cref="ItemDecision"/>), so an item that changed since the decision is
/// refused. Later, or for someone else's decision, it is refused: a sign-off can still be revoked with a reason.
/// The revocation names the decision it undid (<see cref="ReviewDecision.UndoesDecisionId"/>), so analytics leave that
/// decision out exactly, and a revocation whose typed reason happens to be "undone" is not mistaken for one.
/// </summary>
public sealed class UndoDecision(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public const string Reason = "undone";

    // Sign-off and request for changes apply only to a submitted item that needs no re-confirmation, and clear nothing
    // else a submitted item holds: back to submitted is exactly as it was before.
    private static DecisionEffect EffectFor(DecisionKind undone, int undoneId) => new(
        DecisionKind.Revoke,
        item => item.Status == (undone == DecisionKind.SignOff ? ItemStatus.SignedOff : ItemStatus.ChangesRequested) && !item.NeedsReconfirmation
            ? null
            : "This item changed since your decision, so it can no longer be undone.",
        item =>
        {
            item.Status = ItemStatus.Submitted;
            item.NeedsReconfirmation = false;
            item.ReconfirmationReason = null;
        },
        undoneId);

    private static DecisionWording WordingFor(DecisionKind undone) => undone == DecisionKind.SignOff
        ? new(AuditEventTypes.DecisionUndone, NotificationKinds.DecisionUndone, "undid the sign-off of")
        : new(AuditEventTypes.DecisionUndone, NotificationKinds.DecisionUndone, "undid the request for changes on");

    public async Task<ItemSaved> HandleAsync(Actor actor, UndoDecisionRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reviewerId = actor.RequirePerson();
        var undone = await LatestDecisionAsync(actor, reviewerId, request.ItemId, cancellationToken);
        return await new ItemDecision(dbFactory, notifications, time, EffectFor(undone.Kind, undone.Id), WordingFor(undone.Kind))
            .DecideAsync(actor, new DecisionRequest(request.ItemId, request.ExpectedVersion, Reason, request.EvidenceFingerprint), cancellationToken);
    }

    /// <summary>The kind of the item's latest decision, if the caller reviews the item, made it, it can be undone, and it is recent enough.</summary>
    private async Task<(DecisionKind Kind, int Id)> LatestDecisionAsync(Actor actor, int reviewerId, int itemId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engineerId = await db.ChecklistItems.Where(i => i.Id == itemId).Select(i => (int?)i.PersonId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That item does not exist.");
        await ReviewAuthority.RequireReviewerAsync(db, actor, engineerId, DateOnly.FromDateTime(now), cancellationToken);
        var latest = await db.ReviewDecisions.AsNoTracking().Where(d => d.ChecklistItemId == itemId)
            .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.ReviewerId, d.DecidedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null || latest.Kind is not (DecisionKind.SignOff or DecisionKind.RequestChanges))
        {
            throw new ValidationException("There is no sign-off or request for changes on this item to undo.");
        }

        if (latest.ReviewerId != reviewerId)
        {
            throw new ValidationException("Only the reviewer who made a decision can undo it.");
        }

        if (now - latest.DecidedAtUtc > Window)
        {
            throw new ValidationException(latest.Kind == DecisionKind.SignOff
                ? $"A decision can be undone only within {Window.TotalSeconds:0} seconds. Revoke the sign-off instead, with a reason."
                : $"A decision can be undone only within {Window.TotalSeconds:0} seconds. The engineer can revise and resubmit the item.");
        }

        return (latest.Kind, latest.Id);
    }
}
