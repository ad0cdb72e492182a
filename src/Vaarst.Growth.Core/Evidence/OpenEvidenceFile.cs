using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record EvidenceFileDownload(Stream Content, string FileName, string ContentType, long Size);

/// <summary>
/// Opens an uploaded evidence file for download, under the name it was uploaded with, for whoever
/// <see cref="RecordAccess"/> lets read the owner's record by name. Anyone else is told it does not exist; a blind panel
/// reads the file through the session instead (<see cref="Calibration.OpenCandidateEvidenceFile"/>), under a name-free name.
/// </summary>
public sealed class OpenEvidenceFile(IDbContextFactory<GrowthDbContext> dbFactory, IEvidenceFileStore store, TimeProvider time)
{
    public async Task<EvidenceFileDownload> HandleAsync(Actor actor, int evidenceId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = RecordAccess.NamedReadable(db, personId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var file = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.Kind == EvidenceKind.File && readable.Contains(e.OwnerId))
            .Select(e => new { e.FileSha256, e.FileName, e.ContentType, e.FileSize })
            .FirstOrDefaultAsync(cancellationToken);
        if (file?.FileSha256 is null)
        {
            throw new NotFoundException("That file does not exist, or you may not see it.");
        }

        var stream = await store.OpenReadAsync(file.FileSha256, cancellationToken)
            ?? throw new NotFoundException("The file is missing from the evidence store; ask your administrator.");
        return new EvidenceFileDownload(stream, file.FileName ?? "evidence", file.ContentType ?? "application/octet-stream", file.FileSize ?? 0);
    }
}
