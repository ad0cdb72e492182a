using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

public sealed record ItemView(
    int Id,
    int Version,
    int PersonId,
    string PersonName,
    int StatementId,
    string StatementText,
    string AreaName,
    string SectionName,
    int LevelNumber,
    SelfRating Rating,
    string? NotApplicableReason,
    ChecklistStatus Status,
    DateTime? SubmittedAtUtc,
    string? ReconfirmationReason,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<ItemHistoryEntry> History,
    bool CanReview,
    string EvidenceFingerprint);

/// <param name="Comment">The reviewer's comment or reason, for review decisions.</param>
public sealed record ItemHistoryEntry(DateTime OccurredAtUtc, string ActorName, string Type, string Summary, string? Comment);

/// <summary>
/// One checklist item with its evidence and full history, for whoever <see cref="RecordAccess"/> lets read the engineer's
/// record by name. <see cref="ItemView.CanReview"/> says whether the reader is one of the engineer's reviewers today;
/// <see cref="ItemView.EvidenceFingerprint"/> is what a decision on this view carries back (<see cref="DecisionRequest"/>).
/// </summary>
public sealed class GetItem(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<ItemView> HandleAsync(Actor actor, int itemId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var readable = RecordAccess.NamedReadable(db, personId, today);
        var reviewable = ReviewAuthority.ReviewablePeople(db, personId, today).Select(p => p.Id);
        var item = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.Id == itemId && readable.Contains(i.PersonId))
            .Select(i => new
            {
                i.Id, i.Version, i.PersonId, PersonName = i.Person!.Name, i.StatementId, i.Statement!.Text, Area = i.Statement.Area!.Name,
                Section = i.Statement.Area.Section!.Name, Level = i.Statement.Area.Section.Level!.Number,
                i.Rating, i.NotApplicableReason, i.Status, i.NeedsReconfirmation, i.SubmittedAtUtc, i.ReconfirmationReason,
                CanReview = reviewable.Contains(i.PersonId),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That item does not exist, or you may not see it.");

        // Read before the evidence shown: if the evidence changes in between, the page shows the newer evidence with the
        // older fingerprint, and a decision is refused (never the other way round).
        var fingerprint = await EvidenceBasis.FingerprintAsync(db, itemId, cancellationToken);
        var evidence = await EvidenceView.ReadAsync(db, db.Evidence.AsNoTracking().Where(e => e.OwnerId == item.PersonId && e.Supports.Any(s => s.ChecklistItemId == itemId)), colleagueNames: true, cancellationToken);

        var subject = itemId.ToString();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.SubjectType == "ChecklistItem" && a.SubjectId == subject)
            .OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.OccurredAtUtc, a.ActorName, a.Type, a.Summary, a.After })
            .ToListAsync(cancellationToken);

        return new ItemView(item.Id, item.Version, item.PersonId, item.PersonName, item.StatementId, item.Text, item.Area, item.Section, item.Level,
            item.Rating, item.NotApplicableReason, ChecklistStatuses.Of(item.Status, item.NeedsReconfirmation), item.SubmittedAtUtc,
            item.NeedsReconfirmation ? item.ReconfirmationReason : null, evidence,
            events.Select(e => new ItemHistoryEntry(e.OccurredAtUtc, e.ActorName, e.Type, e.Summary, CommentOf(e.After))).ToList(), item.CanReview,
            fingerprint);
    }

    private static string? CommentOf(string? after)
    {
        if (after is null || !after.Contains("\"comment\"", StringComparison.Ordinal) && !after.Contains("\"reason\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var json = JsonDocument.Parse(after);
        foreach (var name in new[] { "comment", "reason" })
        {
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
