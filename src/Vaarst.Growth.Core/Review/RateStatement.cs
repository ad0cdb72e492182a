using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <param name="ExpectedVersion">The item version the engineer saw; null when they saw no item yet (never rated).</param>
public sealed record RateStatementRequest(int StatementId, SelfRating Rating, string? NotApplicableReason, int? ExpectedVersion);

public sealed record ItemSaved(int ItemId, int Version);

/// <summary>An engineer rates themselves against one statement of their checklist (creating the item on first rating).</summary>
public sealed class RateStatement(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<ItemSaved> HandleAsync(Actor actor, RateStatementRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        if (!Enum.IsDefined(request.Rating))
        {
            throw new ValidationException("Choose a rating: Not started, Learning, Practising, Confident or Not applicable.");
        }

        var reason = request.NotApplicableReason?.Trim();
        if (request.Rating == SelfRating.NotApplicable && string.IsNullOrEmpty(reason))
        {
            throw new ValidationException("Say why this statement does not apply to you (for example \"my team has no edge devices\").");
        }

        if (reason?.Length > ItemRules.MaxReasonLength)
        {
            throw new ValidationException($"Keep the reason under {ItemRules.MaxReasonLength} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ItemRules.RequireApplicableStatementAsync(db, personId, request.StatementId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.PersonId == personId && i.StatementId == request.StatementId, cancellationToken);
        if (item is null)
        {
            if (request.ExpectedVersion is not null)
            {
                throw new ConflictException(ItemRules.StaleMessage("This item"));
            }

            item = new ChecklistItem { PersonId = personId, StatementId = request.StatementId, Status = ItemStatus.Draft, Rating = SelfRating.NotStarted };
            db.ChecklistItems.Add(item);
        }
        else
        {
            ItemRules.EnsureVersion(item, request.ExpectedVersion);
            if (item.Status == ItemStatus.Submitted)
            {
                throw new ValidationException("This item is waiting for review. Withdraw it first if you want to change your rating.");
            }
        }

        var newReason = request.Rating == SelfRating.NotApplicable ? reason : null;
        if (item.Id != 0 && item.Rating == request.Rating && item.NotApplicableReason == newReason)
        {
            return new ItemSaved(item.Id, item.Version);
        }

        var before = new { rating = item.Id == 0 ? null : item.Rating.ToString(), notApplicableReason = item.NotApplicableReason };
        item.Rating = request.Rating;
        item.NotApplicableReason = newReason;
        item.UpdatedAtUtc = now;
        // A new item needs its id for the audit event: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ItemRules.SaveAsync(db, "This item", cancellationToken);

        db.Record(actor, now, AuditEventTypes.RatingChanged, "ChecklistItem", item.Id.ToString(),
            $"{actor.Name} rated themselves {RatingLabels.Of(request.Rating)}",
            before, new { rating = item.Rating.ToString(), notApplicableReason = item.NotApplicableReason }, personId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ItemSaved(item.Id, item.Version);
    }
}
