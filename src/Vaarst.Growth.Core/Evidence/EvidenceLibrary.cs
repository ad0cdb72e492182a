using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>The write path shared by the three "add evidence" use cases.</summary>
internal static class EvidenceLibrary
{
    public static async Task<int> AddAsync(
        IDbContextFactory<GrowthDbContext> dbFactory, Actor actor, int personId, EvidenceEntry evidence,
        IReadOnlyCollection<int> attachTo, DateTime now, CancellationToken cancellationToken)
    {
        evidence.ContentHash = EvidenceFingerprint.Compute(evidence);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        await EvidenceRules.AttachAsync(db, actor, personId, evidence, attachTo, now, cancellationToken);
        db.Record(actor, now, AuditEventTypes.EvidenceAdded, "Evidence", evidence.Id.ToString(),
            $"{actor.Name} added {evidence.Kind.ToString().ToLowerInvariant()} evidence \"{Excerpt.Of(evidence.Title)}\"",
            after: new { evidence.Title, kind = evidence.Kind.ToString(), evidence.Url, evidence.FileName, attachedTo = attachTo }, personId: personId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return evidence.Id;
    }
}
