using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Brings archived evidence back into the library, with its links to statements intact.</summary>
public sealed class RestoreEvidence(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, EvidenceRef request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await EvidenceRules.RequireOwnAsync(db, personId, request.EvidenceId, cancellationToken);
        EvidenceRules.EnsureVersion(evidence, request.ExpectedVersion);
        if (!evidence.IsArchived)
        {
            return evidence.Version;
        }

        // Restoring puts the evidence back into the basis of every item it still supports.
        await EvidenceRules.EnsureNoneWaitingForReviewAsync(EvidenceRules.ItemsSupportedBy(db, evidence.Id), cancellationToken);

        evidence.IsArchived = false;
        evidence.ArchivedAtUtc = null;
        evidence.UpdatedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.EvidenceRestored, "Evidence", evidence.Id.ToString(),
            $"{actor.Name} restored evidence \"{Excerpt.Of(evidence.Title)}\"", new { archived = true }, new { archived = false }, personId);
        await ItemRules.SaveAsync(db, "This evidence", cancellationToken);
        return evidence.Version;
    }
}
