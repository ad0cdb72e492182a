using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>
/// The reviewer withdraws an earlier sign-off, with a reason. The sign-off stays in the history; the item goes back
/// to the engineer as "changes requested", with the reason as the comment.
/// </summary>
public sealed class RevokeSignOff(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    private static readonly DecisionEffect Effect = new(
        DecisionKind.Revoke,
        item => item.Status == ItemStatus.SignedOff ? null : "Only a signed-off item can have its sign-off revoked.",
        item =>
        {
            item.Status = ItemStatus.ChangesRequested;
            item.NeedsReconfirmation = false;
            item.ReconfirmationReason = null;
        });

    private static readonly DecisionWording Wording = new(AuditEventTypes.SignOffRevoked, NotificationKinds.SignOffRevoked, "revoked the sign-off of");

    public Task<ItemSaved> HandleAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new ValidationException("Give a reason for revoking the sign-off; the engineer and the audit log keep it.");
        }

        return new ItemDecision(dbFactory, notifications, time, Effect, Wording).DecideAsync(actor, request, cancellationToken);
    }
}
