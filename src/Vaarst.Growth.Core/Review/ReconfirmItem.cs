using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>
/// The reviewer confirms that a sign-off flagged "needs re-confirmation" (statement text or evidence changed)
/// still holds, against the evidence as it is now.
/// </summary>
public sealed class ReconfirmItem(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    private static readonly DecisionEffect Effect = new(
        DecisionKind.Reconfirm,
        item => item.Status == ItemStatus.SignedOff && item.NeedsReconfirmation ? null : "Only a signed-off item that needs re-confirmation can be re-confirmed.",
        item =>
        {
            item.NeedsReconfirmation = false;
            item.ReconfirmationReason = null;
        });

    private static readonly DecisionWording Wording = new(AuditEventTypes.ItemReconfirmed, NotificationKinds.ItemReconfirmed, "re-confirmed");

    public Task<ItemSaved> HandleAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken = default) =>
        new ItemDecision(dbFactory, notifications, time, Effect, Wording).DecideAsync(actor, request, cancellationToken);
}
