using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record AttachEvidenceRequest(int EvidenceId, IReadOnlyCollection<int> StatementIds);

/// <summary>Links existing evidence to more statements of the engineer's checklist.</summary>
public sealed class AttachEvidence(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, AttachEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        if (request.StatementIds.Count == 0)
        {
            throw new ValidationException("Choose at least one statement.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await EvidenceRules.RequireOwnAsync(db, personId, request.EvidenceId, cancellationToken);
        if (evidence.IsArchived)
        {
            throw new ValidationException("Restore this evidence before attaching it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EvidenceRules.AttachAsync(db, actor, personId, evidence, request.StatementIds, now, cancellationToken);
        await ItemRules.SaveAsync(db, "This item", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
