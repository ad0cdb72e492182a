using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Review;

/// <summary>A reviewer's decision on an item as they saw it.</summary>
/// <param name="ExpectedVersion">The item version on the reviewer's screen: a decision on a changed item is refused.</param>
/// <param name="EvidenceFingerprint">
/// <see cref="ItemView.EvidenceFingerprint"/> of the view the reviewer decided on: a decision on evidence that changed
/// since (a piece edited, archived, restored, attached or detached) is refused.
/// </param>
public sealed record DecisionRequest(int ItemId, int ExpectedVersion, string? Comment, string EvidenceFingerprint);

/// <summary>
/// The steps every review decision shares: authority, optimistic concurrency, the evidence basis, the decision
/// record, the audit event and the notification. Each decision use case says only what is specific to it.
/// </summary>
internal static class ItemDecision
{
    public const int MaxCommentLength = TextLimits.Comment;

    private const string EvidenceChanged =
        "The evidence of this item changed since you opened it. Your decision was not recorded: reload to see the evidence as it is now.";

    public sealed record Rule(
        DecisionKind Kind,
        string AuditType,
        string NotificationKind,
        Func<ChecklistItem, string?> RefuseUnless,
        Action<ChecklistItem> Apply,
        string Verb);

    public static async Task<ItemSaved> DecideAsync(
        IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time,
        Actor actor, DecisionRequest request, Rule rule, CancellationToken cancellationToken)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reviewerId = actor.RequirePerson();
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            throw new ValidationException($"Keep the comment under {MaxCommentLength} characters.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ChecklistItems.Include(i => i.Statement).FirstOrDefaultAsync(i => i.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("That item does not exist.");
        await ReviewAuthority.RequireReviewerAsync(db, actor, item.PersonId, DateOnly.FromDateTime(now), cancellationToken);
        if (item.Version != request.ExpectedVersion)
        {
            throw new ConflictException(
                "This item changed since you opened it (the engineer edited it, or another reviewer decided first). Your decision was not recorded: reload to see the latest.");
        }

        if (rule.RefuseUnless(item) is { } refusal)
        {
            throw new ValidationException(refusal);
        }

        var evidence = await EvidenceBasis.OfAsync(db, item.Id, cancellationToken);
        if (Evidence.EvidenceFingerprint.OfBasis(evidence) != request.EvidenceFingerprint)
        {
            throw new ConflictException(EvidenceChanged);
        }

        var basis = evidence.Select(e => new { id = e.EvidenceId, hash = e.ContentHash }).ToList();
        var before = new { status = item.Status.ToString(), needsReconfirmation = item.NeedsReconfirmation };
        rule.Apply(item);
        item.UpdatedAtUtc = now;
        db.ReviewDecisions.Add(new ReviewDecision
        {
            ChecklistItemId = item.Id,
            ReviewerId = reviewerId,
            Kind = rule.Kind,
            Comment = comment,
            DecidedAtUtc = now,
            EvidenceBasis = JsonSerializer.Serialize(basis),
            EvidenceCount = basis.Count,
        });
        var engineerName = await db.People.Where(p => p.Id == item.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var statement = Excerpt.Of(item.Statement!.Text, 70);
        db.Record(actor, now, rule.AuditType, "ChecklistItem", item.Id.ToString(),
            $"{actor.Name} {rule.Verb} \"{statement}\" of {engineerName}",
            before, new { status = item.Status.ToString(), needsReconfirmation = item.NeedsReconfirmation, comment, evidence = basis }, item.PersonId);

        // The version check above and the concurrency token on save make parallel decisions safe: exactly one wins.
        // The evidence is checked again once the decision holds its write, in the same transaction, so an evidence edit
        // committed between the first check and the save cannot slip under the decision.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else decided on this item at the same moment. Your decision was not recorded: reload to see theirs.");
        }

        if (await EvidenceBasis.FingerprintAsync(db, item.Id, cancellationToken) != request.EvidenceFingerprint)
        {
            throw new ConflictException(EvidenceChanged);
        }

        await transaction.CommitAsync(cancellationToken);

        await notifications.SendAsync([new NotificationMessage(item.PersonId, rule.NotificationKind,
            $"{actor.Name} {rule.Verb} \"{statement}\"" + (comment is null ? "" : $": “{Excerpt.Of(comment, 70)}”"), $"/checklist/items/{item.Id}")], cancellationToken);
        return new ItemSaved(item.Id, item.Version);
    }

}
