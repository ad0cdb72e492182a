using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Review;

/// <summary>An item as the engineer saw it: its id and the version on screen.</summary>
public sealed record ItemRef(int ItemId, int ExpectedVersion);

public sealed record SubmitItemsRequest(IReadOnlyList<ItemRef> Items);

/// <summary>
/// Submits one or several items for the engineer's line manager to review, all or none. An item needs at least one
/// piece of (unarchived) evidence, or a "Not applicable" rating with a reason; drafts and items with changes
/// requested can be submitted.
/// </summary>
public sealed class SubmitItems(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<IReadOnlyList<ItemSaved>> HandleAsync(Actor actor, SubmitItemsRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        if (request.Items.Count == 0)
        {
            throw new ValidationException("Choose at least one item to submit.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = request.Items.Select(i => i.ItemId).Distinct().ToList();
        var supporting = SupportingEvidence.Current(db);
        var items = await db.ChecklistItems
            .Where(i => ids.Contains(i.Id) && i.PersonId == personId)
            .Select(i => new
            {
                Item = i,
                i.Statement!.Text,
                Evidence = supporting.Count(s => s.ChecklistItemId == i.Id),
            })
            .ToListAsync(cancellationToken);
        if (items.Count != ids.Count)
        {
            throw new NotFoundException("One of those items is not on your checklist.");
        }

        var hasManager = await db.People.AnyAsync(p => p.Id == personId && p.ManagerId != null, cancellationToken);
        if (!hasManager)
        {
            throw new ValidationException("You have no line manager in the directory yet, so nobody could review a submission. Ask your administrator.");
        }

        var errors = new List<string>();
        foreach (var (entry, expected) in items.Join(request.Items, e => e.Item.Id, r => r.ItemId, (e, r) => (e, r.ExpectedVersion)))
        {
            var item = entry.Item;
            var label = Excerpt.Of(entry.Text);
            if (item.Version != expected)
            {
                throw new ConflictException(ItemRules.StaleMessage($"\"{label}\""));
            }

            if (item.Status is not (ItemStatus.Draft or ItemStatus.ChangesRequested))
            {
                errors.Add($"\"{label}\" is {RatingLabels.Of(ChecklistStatuses.Of(item.Status, item.NeedsReconfirmation)).ToLowerInvariant()} and cannot be submitted again.");
            }
            else if (entry.Evidence == 0 && !(item.Rating == SelfRating.NotApplicable && !string.IsNullOrWhiteSpace(item.NotApplicableReason)))
            {
                errors.Add($"\"{label}\" needs at least one piece of evidence (or a \"Not applicable\" rating with a reason) before it can be submitted.");
            }
            else if (item.Rating == SelfRating.NotStarted)
            {
                errors.Add($"\"{label}\" has no self-rating yet: rate yourself before submitting.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in items.Select(e => e.Item))
        {
            var before = item.Status;
            item.Status = ItemStatus.Submitted;
            item.SubmittedAtUtc = now;
            item.UpdatedAtUtc = now;
            db.Record(actor, now, AuditEventTypes.ItemSubmitted, "ChecklistItem", item.Id.ToString(),
                $"{actor.Name} submitted \"{Excerpt.Of(items.First(e => e.Item == item).Text)}\" for review",
                new { status = before.ToString() }, new { status = item.Status.ToString() }, personId);
        }

        var reviewers = await ReviewAuthority.ReviewersOfAsync(db, personId, DateOnly.FromDateTime(now), cancellationToken);
        var title = items.Count == 1
            ? $"{actor.Name} submitted \"{Excerpt.Of(items[0].Text)}\" for review"
            : $"{actor.Name} submitted {items.Count} items for review";
        var link = items.Count == 1 ? $"/reviews/items/{items[0].Item.Id}" : "/reviews";
        // The reviewers' notifications (and their e-mails) commit with the submission (ADR 0013).
        await notifications.AddAsync(db, reviewers.Select(r => new NotificationMessage(r, NotificationKinds.ItemSubmitted, title, link)).ToList(), cancellationToken);
        await ItemRules.SaveAsync(db, "One of these items", cancellationToken);
        return items.Select(e => new ItemSaved(e.Item.Id, e.Item.Version)).ToList();
    }

}
