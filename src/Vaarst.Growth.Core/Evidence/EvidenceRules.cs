using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>What every piece of evidence has, whatever its kind.</summary>
public sealed record EvidenceDetails(string Title, DateOnly WorkDate, string? Description);

/// <summary>Rules shared by the evidence use cases.</summary>
public static class EvidenceRules
{
    public const int MaxTitleLength = TextLimits.EvidenceTitle;
    public const int MaxDescriptionLength = TextLimits.EvidenceDescription;
    private static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>Checks title, date and description; returns the cleaned values or throws with every problem.</summary>
    public static EvidenceDetails Validate(EvidenceDetails details, DateTime nowUtc, IEnumerable<string>? moreErrors = null)
    {
        var errors = new List<string>(moreErrors ?? []);
        var title = details.Title?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        if (title.Length == 0)
        {
            errors.Add("Give the evidence a title.");
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add($"Keep the title under {MaxTitleLength} characters.");
        }

        if (details.WorkDate > DateOnly.FromDateTime(nowUtc).AddDays(1))
        {
            errors.Add("The date of the work cannot be in the future.");
        }
        else if (details.WorkDate < Earliest)
        {
            errors.Add("The date of the work looks wrong; use the date the work was done.");
        }

        if (description?.Length > MaxDescriptionLength)
        {
            errors.Add($"Keep the description under {MaxDescriptionLength} characters.");
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : new EvidenceDetails(title, details.WorkDate, description);
    }

    /// <summary>The caller's own evidence, tracked for change; anyone else's is "not found".</summary>
    public static async Task<EvidenceEntry> RequireOwnAsync(GrowthDbContext db, int personId, int evidenceId, CancellationToken cancellationToken) =>
        await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.OwnerId == personId, cancellationToken)
        ?? throw new NotFoundException("That evidence is not in your evidence library.");

    public static void EnsureVersion(EvidenceEntry evidence, int expectedVersion)
    {
        if (evidence.Version != expectedVersion)
        {
            throw new ConflictException(ItemRules.StaleMessage("This evidence"));
        }
    }

    /// <summary>
    /// Links evidence to statements of the owner's checklist, creating draft items where the engineer has none yet.
    /// Items waiting for review are refused: the reviewer must see what was submitted. Everything is checked before
    /// anything changes; the caller saves (inside its transaction, since new items are saved here to get their ids).
    /// </summary>
    public static async Task AttachAsync(GrowthDbContext db, Actor actor, int personId, EvidenceEntry evidence, IReadOnlyCollection<int> statementIds, DateTime now, CancellationToken cancellationToken)
    {
        var targets = new List<(string Text, int StatementId, ChecklistItem? Item, bool Linked)>();
        foreach (var statementId in statementIds.Distinct())
        {
            var statement = await ItemRules.RequireApplicableStatementAsync(db, personId, statementId, cancellationToken);
            var found = await db.ChecklistItems
                .Where(i => i.PersonId == personId && i.StatementId == statementId)
                .Select(i => new { Item = i, Linked = db.EvidenceSupports.Any(s => s.ChecklistItemId == i.Id && s.EvidenceId == evidence.Id) })
                .FirstOrDefaultAsync(cancellationToken);
            targets.Add((statement.Text, statementId, found?.Item, found?.Linked ?? false));
        }

        var existingIds = targets.Where(t => t.Item is not null).Select(t => t.Item!.Id).ToList();
        await EnsureNoneWaitingForReviewAsync(db.ChecklistItems.Where(i => existingIds.Contains(i.Id)), cancellationToken);

        var created = targets.Where(t => t.Item is null).Select(t => t.StatementId).ToList();
        if (created.Count > 0)
        {
            db.ChecklistItems.AddRange(created.Select(id => new ChecklistItem
            {
                PersonId = personId, StatementId = id, Status = ItemStatus.Draft, Rating = SelfRating.NotStarted, UpdatedAtUtc = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (text, statementId, existing, linked) in targets)
        {
            if (linked)
            {
                continue;
            }

            var item = existing ?? db.ChecklistItems.Local.Single(i => i.PersonId == personId && i.StatementId == statementId);
            db.EvidenceSupports.Add(new EvidenceSupport { Evidence = evidence, ChecklistItem = item, LinkedAtUtc = now });
            item.UpdatedAtUtc = now;
            db.Record(actor, now, AuditEventTypes.EvidenceAttached, "ChecklistItem", item.Id.ToString(),
                $"{actor.Name} attached \"{Excerpt.Of(evidence.Title)}\" to \"{Excerpt.Of(text)}\"",
                after: new { evidence = evidence.Title, statementId }, personId: personId);
        }
    }

    /// <summary>
    /// A sign-off is a decision on exactly what the reviewer saw, so nothing may change the evidence of an item that is
    /// waiting for review: its set of evidence (attach, detach, archive, restore) or the content of any piece of it (edit).
    /// Every evidence-changing use case asks here, with the items its change touches, before changing anything.
    /// </summary>
    public static async Task EnsureNoneWaitingForReviewAsync(IQueryable<ChecklistItem> touched, CancellationToken cancellationToken)
    {
        var waiting = await touched.Where(i => i.Status == ItemStatus.Submitted)
            .OrderBy(i => i.Id).Select(i => i.Statement!.Text).FirstOrDefaultAsync(cancellationToken);
        if (waiting is not null)
        {
            throw new ValidationException(WaitingForReview(waiting));
        }
    }

    /// <summary>The items a piece of evidence supports (whose evidence changes when it does).</summary>
    public static IQueryable<ChecklistItem> ItemsSupportedBy(GrowthDbContext db, int evidenceId) =>
        db.ChecklistItems.Where(i => db.EvidenceSupports.Any(s => s.ChecklistItemId == i.Id && s.EvidenceId == evidenceId));

    private static string WaitingForReview(string statement) =>
        $"\"{Excerpt.Of(statement)}\": this item is waiting for review; withdraw it to change its evidence.";

    /// <summary>Flags the signed-off items this evidence supports, because what the sign-off was based on changed.</summary>
    public static Task<IReadOnlyList<ChecklistItem>> FlagSupportedSignOffsAsync(GrowthDbContext db, Actor actor, EvidenceEntry evidence, string change, DateTime now, CancellationToken cancellationToken) =>
        ItemRules.FlagSignedOffAsync(db, actor,
            ItemsSupportedBy(db, evidence.Id),
            $"Evidence \"{Excerpt.Of(evidence.Title)}\" was {change} after the sign-off.", now, cancellationToken);

}
