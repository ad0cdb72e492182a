using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

public sealed record EvidenceRef(int EvidenceId, int ExpectedVersion);

/// <summary>
/// Archives evidence (it is never deleted by a user). Archived evidence no longer counts for submission, and the
/// signed-off items it supported are flagged for re-confirmation.
/// </summary>
public sealed class ArchiveEvidence(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, EvidenceRef request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await EvidenceRules.RequireOwnAsync(db, personId, request.EvidenceId, cancellationToken);
        EvidenceRules.EnsureVersion(evidence, request.ExpectedVersion);
        if (evidence.IsArchived)
        {
            return evidence.Version;
        }

        await EvidenceRules.EnsureNoneWaitingForReviewAsync(EvidenceRules.ItemsSupportedBy(db, evidence.Id), cancellationToken);

        evidence.IsArchived = true;
        evidence.ArchivedAtUtc = now;
        evidence.UpdatedAtUtc = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ItemRules.SaveAsync(db, "This evidence", cancellationToken);
        var flagged = await EvidenceRules.FlagSupportedSignOffsAsync(db, actor, evidence, "archived", now, cancellationToken);
        db.Record(actor, now, AuditEventTypes.EvidenceArchived, "Evidence", evidence.Id.ToString(),
            $"{actor.Name} archived evidence \"{Excerpt.Of(evidence.Title)}\"" + (flagged.Count > 0 ? $"; {flagged.Count} signed-off item(s) need re-confirmation" : ""),
            new { archived = false }, new { archived = true }, personId);
        await db.SaveChangesAsync(cancellationToken);
        // The reviewers' re-confirmation notices (and their e-mails) commit with the change (ADR 0013).
        await notifications.AddAsync(db, await ItemRules.ReconfirmationNoticesAsync(db, flagged, now, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return evidence.Version;
    }
}
