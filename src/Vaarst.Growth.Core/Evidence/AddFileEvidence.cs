using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Content">The upload as it arrives; its type is checked by content, its size against the configured cap.</param>
public sealed record AddFileEvidenceRequest(EvidenceDetails Details, string FileName, Stream Content, IReadOnlyCollection<int> AttachToStatementIds);

/// <summary>Uploads a file (PDF, image, text, CSV, notebook or ZIP) into the evidence file store and the library.</summary>
public sealed class AddFileEvidence(IDbContextFactory<GrowthDbContext> dbFactory, IEvidenceFileStore store, EvidenceOptions options, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, AddFileEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        var details = EvidenceRules.Validate(request.Details, now);

        // The file store is content-addressed, so a refused or abandoned upload leaves at most an unreferenced blob
        // that a later identical upload reuses; nothing in the database points at a file that is not stored.
        var (file, type, fileName) = await EvidenceUpload.StoreAsync(store, request.Content, request.FileName, options.MaxFileBytes, cancellationToken);
        var evidence = new EvidenceEntry
        {
            OwnerId = personId,
            Kind = EvidenceKind.File,
            Title = details.Title,
            WorkDate = details.WorkDate,
            Description = details.Description,
            FileName = fileName,
            ContentType = type.ContentType,
            FileSize = file.Size,
            FileSha256 = file.Sha256,
            ContentHash = "",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        return await EvidenceLibrary.AddAsync(dbFactory, actor, personId, evidence, request.AttachToStatementIds, now, cancellationToken);
    }
}
