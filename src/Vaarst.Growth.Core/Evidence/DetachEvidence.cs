using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

public sealed record DetachEvidenceRequest(int EvidenceId, int ItemId);

/// <summary>
/// Unlinks evidence from one item (the evidence stays in the library). Detaching from a signed-off item flags it
/// for re-confirmation; an item waiting for review must be withdrawn first.
/// </summary>
public sealed class DetachEvidence(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, DetachEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var support = await db.EvidenceSupports
            .Include(s => s.ChecklistItem).Include(s => s.Evidence)
            .FirstOrDefaultAsync(s => s.EvidenceId == request.EvidenceId && s.ChecklistItemId == request.ItemId && s.ChecklistItem!.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("That evidence is not attached to that item of yours.");
        var item = support.ChecklistItem!;
        await EvidenceRules.EnsureNoneWaitingForReviewAsync(db.ChecklistItems.Where(i => i.Id == item.Id), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvidenceSupports.Remove(support);
        item.UpdatedAtUtc = now;
        await ItemRules.SaveAsync(db, "This item", cancellationToken);
        var flagged = await ItemRules.FlagSignedOffAsync(db, actor, db.ChecklistItems.Where(i => i.Id == item.Id),
            $"Evidence \"{Excerpt.Of(support.Evidence!.Title)}\" was detached after the sign-off.", now, cancellationToken);
        db.Record(actor, now, AuditEventTypes.EvidenceDetached, "ChecklistItem", item.Id.ToString(),
            $"{actor.Name} detached \"{Excerpt.Of(support.Evidence!.Title)}\"", before: new { evidence = support.Evidence.Title }, personId: personId);
        await db.SaveChangesAsync(cancellationToken);
        // The reviewers' re-confirmation notices (and their e-mails) commit with the change (ADR 0013).
        await notifications.AddAsync(db, await ItemRules.ReconfirmationNoticesAsync(db, flagged, now, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
