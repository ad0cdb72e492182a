using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>The line manager (or delegate) signs off a submitted item, optionally with a comment. The decision records the evidence it was based on.</summary>
public sealed class SignOffItem(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    private static readonly DecisionEffect Effect = new(
        DecisionKind.SignOff,
        item => item.Status == ItemStatus.Submitted ? null : "Only a submitted item can be signed off.",
        item =>
        {
            item.Status = ItemStatus.SignedOff;
            item.NeedsReconfirmation = false;
            item.ReconfirmationReason = null;
        });

    private static readonly DecisionWording Wording = new(AuditEventTypes.ItemSignedOff, NotificationKinds.ItemSignedOff, "signed off");

    public Task<ItemSaved> HandleAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken = default) =>
        new ItemDecision(dbFactory, notifications, time, Effect, Wording).DecideAsync(actor, request, cancellationToken);
}
