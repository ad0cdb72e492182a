using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Url">The new link, for link evidence (ignored otherwise).</param>
/// <param name="Markdown">The new note, for note evidence (ignored otherwise). A file's content cannot be edited: upload a new file.</param>
public sealed record EditEvidenceRequest(int EvidenceId, int ExpectedVersion, EvidenceDetails Details, string? Url = null, string? Markdown = null);

/// <summary>
/// Edits the engineer's own evidence. When what a reviewer judged changes, every signed-off item it supports is
/// flagged for re-confirmation (the sign-off stays recorded).
/// </summary>
public sealed class EditEvidence(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, EditEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await EvidenceRules.RequireOwnAsync(db, personId, request.EvidenceId, cancellationToken);
        EvidenceRules.EnsureVersion(evidence, request.ExpectedVersion);
        if (evidence.IsArchived)
        {
            throw new ValidationException("Restore this evidence before editing it.");
        }

        var details = EvidenceRules.Validate(request.Details, now);
        var before = Snapshot(evidence);
        evidence.Title = details.Title;
        evidence.WorkDate = details.WorkDate;
        evidence.Description = details.Description;
        if (evidence.Kind == EvidenceKind.Link)
        {
            evidence.Url = EvidenceLinkPolicy.Normalise(request.Url);
            evidence.LinkKind = LinkKinds.Recognise(evidence.Url).Kind;
        }
        else if (evidence.Kind == EvidenceKind.Note)
        {
            NoteRenderer.Validate(request.Markdown);
            evidence.NoteMarkdown = request.Markdown!.Trim();
        }

        var hash = EvidenceFingerprint.Compute(evidence);
        if (hash == evidence.ContentHash)
        {
            return evidence.Version;
        }

        await EvidenceRules.EnsureNoneWaitingForReviewAsync(EvidenceRules.ItemsSupportedBy(db, evidence.Id), cancellationToken);
        evidence.ContentHash = hash;
        evidence.UpdatedAtUtc = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ItemRules.SaveAsync(db, "This evidence", cancellationToken);
        var flagged = await EvidenceRules.FlagSupportedSignOffsAsync(db, actor, evidence, "edited", now, cancellationToken);
        db.Record(actor, now, AuditEventTypes.EvidenceEdited, "Evidence", evidence.Id.ToString(),
            $"{actor.Name} edited evidence \"{Excerpt.Of(evidence.Title)}\"" + (flagged.Count > 0 ? $"; {flagged.Count} signed-off item(s) need re-confirmation" : ""),
            before, Snapshot(evidence), personId);
        await db.SaveChangesAsync(cancellationToken);
        // The reviewers' re-confirmation notices (and their e-mails) commit with the change (ADR 0013).
        await notifications.AddAsync(db, await ItemRules.ReconfirmationNoticesAsync(db, flagged, now, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return evidence.Version;
    }

    private static object Snapshot(EvidenceEntry e) => new { e.Title, workDate = e.WorkDate.ToString("yyyy-MM-dd"), e.Description, e.Url, e.NoteMarkdown };
}
