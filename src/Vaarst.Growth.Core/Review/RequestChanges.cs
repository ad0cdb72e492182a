using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>The reviewer sends a submitted item back with a comment saying what is missing.</summary>
public sealed class RequestChanges(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    private static readonly DecisionEffect Effect = new(
        DecisionKind.RequestChanges,
        item => item.Status == ItemStatus.Submitted ? null : "Only a submitted item can be sent back for changes.",
        item => item.Status = ItemStatus.ChangesRequested);

    private static readonly DecisionWording Wording = new(AuditEventTypes.ChangesRequested, NotificationKinds.ChangesRequested, "requested changes on");

    public Task<ItemSaved> HandleAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new ValidationException("Say what needs to change: the engineer reads your comment to revise the item.");
        }

        return new ItemDecision(dbFactory, notifications, time, Effect, Wording).DecideAsync(actor, request, cancellationToken);
    }
}
