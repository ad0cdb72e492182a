using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="AttachToStatementIds">Statements of the engineer's checklist this evidence supports (may be empty).</param>
public sealed record AddLinkEvidenceRequest(EvidenceDetails Details, string Url, IReadOnlyCollection<int> AttachToStatementIds);

/// <summary>Adds a link (pull request, MLflow run, design doc…) to the engineer's evidence library. Only http and https links.</summary>
public sealed class AddLinkEvidence(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, AddLinkEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        var url = EvidenceLinkPolicy.Normalise(request.Url);
        var details = EvidenceRules.Validate(request.Details, now);

        var evidence = new EvidenceEntry
        {
            OwnerId = personId,
            Kind = EvidenceKind.Link,
            Title = details.Title,
            WorkDate = details.WorkDate,
            Description = details.Description,
            Url = url,
            LinkKind = LinkKinds.Recognise(url).Kind,
            ContentHash = "",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        return await EvidenceLibrary.AddAsync(dbFactory, actor, personId, evidence, request.AttachToStatementIds, now, cancellationToken);
    }
}
