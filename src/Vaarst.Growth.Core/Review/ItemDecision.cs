using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
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

/// <summary>What one kind of decision does to an item: when it is refused, and how it changes the item.</summary>
/// <param name="RefuseUnless">The refusal, for the reviewer, when the item is not in a state this decision applies to; null when it is.</param>
/// <param name="Undoes">The decision this one takes back (<see cref="UndoDecision"/>), recorded on the new row.</param>
internal sealed record DecisionEffect(DecisionKind Kind, Func<ChecklistItem, string?> RefuseUnless, Action<ChecklistItem> Apply, int? Undoes = null);

/// <summary>How one kind of decision is recorded and told: its audit event, its notification, and the verb of both sentences.</summary>
/// <param name="Verb">Completes "{reviewer} {verb} "{statement}"", e.g. "signed off".</param>
internal sealed record DecisionWording(string AuditType, string NotificationKind, string Verb);

/// <summary>
/// One review decision, in the steps every decision shares: confirm the reviewer and the comment, find the item as the
/// reviewer saw it (authority, version, state), check the evidence basis, record the decision, its audit event and the
/// engineer's notification, and save them together while the evidence still matches. Each decision use case gives only its
/// <see cref="DecisionEffect"/> and <see cref="DecisionWording"/>.
/// </summary>
internal sealed class ItemDecision(
    IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time, DecisionEffect effect, DecisionWording wording)
{
    public const int MaxCommentLength = TextLimits.Comment;

    private const string EvidenceChanged =
        "The evidence of this item changed since you opened it. Your decision was not recorded: reload to see the evidence as it is now.";

    public async Task<ItemSaved> DecideAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reviewerId = actor.RequirePerson();
        var comment = CommentOf(request);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var item = await ItemAsSeenAsync(db, actor, request, now, cancellationToken);
        var basis = await EvidenceAsSeenAsync(db, item, request, cancellationToken);
        var statement = await RecordAsync(db, actor, reviewerId, item, comment, basis, now, cancellationToken);
        await NotifyEngineerAsync(db, actor, item, statement, comment, cancellationToken);
        await SaveWhileEvidenceHoldsAsync(db, item, request, cancellationToken);
        return new ItemSaved(item.Id, item.Version);
    }

    /// <summary>The comment, trimmed (null when blank); refused when too long.</summary>
    private static string? CommentOf(DecisionRequest request)
    {
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            throw new ValidationException($"Keep the comment under {MaxCommentLength} characters.");
        }

        return comment;
    }

    /// <summary>The item (tracked), if the actor reviews its engineer today, it is the version they saw, and this decision applies to it.</summary>
    private async Task<ChecklistItem> ItemAsSeenAsync(GrowthDbContext db, Actor actor, DecisionRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var item = await db.ChecklistItems.Include(i => i.Statement).FirstOrDefaultAsync(i => i.Id == request.ItemId, cancellationToken)
            ?? throw new NotFoundException("That item does not exist.");
        await ReviewAuthority.RequireReviewerAsync(db, actor, item.PersonId, DateOnly.FromDateTime(now), cancellationToken);
        if (item.Version != request.ExpectedVersion)
        {
            throw new ConflictException(
                "This item changed since you opened it (the engineer edited it, or another reviewer decided first). Your decision was not recorded: reload to see the latest.");
        }

        if (effect.RefuseUnless(item) is { } refusal)
        {
            throw new ValidationException(refusal);
        }

        return item;
    }

    /// <summary>The evidence the decision is based on, if it is still what the reviewer saw.</summary>
    private static async Task<IReadOnlyList<(int EvidenceId, string ContentHash)>> EvidenceAsSeenAsync(GrowthDbContext db, ChecklistItem item, DecisionRequest request, CancellationToken cancellationToken)
    {
        var evidence = await EvidenceBasis.OfAsync(db, item.Id, cancellationToken);
        if (EvidenceFingerprint.OfBasis(evidence) != request.EvidenceFingerprint)
        {
            throw new ConflictException(EvidenceChanged);
        }

        return evidence;
    }

    /// <summary>Applies the decision to the item and adds its record and audit event (unsaved); returns the statement as the sentences quote it.</summary>
    private async Task<string> RecordAsync(
        GrowthDbContext db, Actor actor, int reviewerId, ChecklistItem item, string? comment, IReadOnlyList<(int EvidenceId, string ContentHash)> evidence, DateTime now,
        CancellationToken cancellationToken)
    {
        var basis = evidence.Select(e => new { id = e.EvidenceId, hash = e.ContentHash }).ToList();
        var before = new { status = item.Status.ToString(), needsReconfirmation = item.NeedsReconfirmation };
        effect.Apply(item);
        item.UpdatedAtUtc = now;
        db.ReviewDecisions.Add(new ReviewDecision
        {
            ChecklistItemId = item.Id,
            ReviewerId = reviewerId,
            Kind = effect.Kind,
            Comment = comment,
            DecidedAtUtc = now,
            EvidenceBasis = JsonSerializer.Serialize(basis),
            EvidenceCount = basis.Count,
            UndoesDecisionId = effect.Undoes,
        });
        var engineerName = await db.People.Where(p => p.Id == item.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var statement = Excerpt.Of(item.Statement!.Text, 70);
        db.Record(actor, now, wording.AuditType, "ChecklistItem", item.Id.ToString(),
            $"{actor.Name} {wording.Verb} \"{statement}\" of {engineerName}",
            before, new { status = item.Status.ToString(), needsReconfirmation = item.NeedsReconfirmation, comment, evidence = basis }, item.PersonId);
        return statement;
    }

    /// <summary>
    /// Saves the decision. The version check and the concurrency token on save make parallel decisions safe: exactly
    /// one wins. The evidence is checked again once the decision holds its write, in the same transaction, so an
    /// evidence edit committed between the first check and the save cannot slip under the decision.
    /// </summary>
    private static async Task SaveWhileEvidenceHoldsAsync(GrowthDbContext db, ChecklistItem item, DecisionRequest request, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Adds the engineer's notification (and its e-mail, per their preference): it commits with the decision (ADR 0013).</summary>
    private Task NotifyEngineerAsync(GrowthDbContext db, Actor actor, ChecklistItem item, string statement, string? comment, CancellationToken cancellationToken) =>
        notifications.AddAsync(db, [new NotificationMessage(item.PersonId, wording.NotificationKind,
            $"{actor.Name} {wording.Verb} \"{statement}\"" + (comment is null ? "" : $": “{Excerpt.Of(comment, 70)}”"), $"/checklist/items/{item.Id}")], cancellationToken);
}
