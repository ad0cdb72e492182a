using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <summary>The engineer takes back a submission that nobody has reviewed yet; the item returns to draft.</summary>
public sealed class WithdrawSubmission(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<ItemSaved> HandleAsync(Actor actor, ItemRef request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == request.ItemId && i.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("That item is not on your checklist.");
        ItemRules.EnsureVersion(item, request.ExpectedVersion);
        if (item.Status != ItemStatus.Submitted)
        {
            throw new ValidationException("Only an item waiting for review can be withdrawn; this one has been reviewed or was not submitted.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        item.Status = ItemStatus.Draft;
        item.SubmittedAtUtc = null;
        item.UpdatedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.SubmissionWithdrawn, "ChecklistItem", item.Id.ToString(),
            $"{actor.Name} withdrew a submission", new { status = "Submitted" }, new { status = "Draft" }, personId);
        await ItemRules.SaveAsync(db, "This item", cancellationToken);
        return new ItemSaved(item.Id, item.Version);
    }
}
