using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record OpenCandidateEvidenceFileRequest(int NominationId, int EvidenceId);

/// <summary>
/// A file from a candidate's dossier, downloaded through the session by its panel (open or closed): the candidate's
/// current evidence for an item of the session's target level. Under its uploaded name only where the member sees the
/// candidate by name; otherwise under the name-free name the dossier shows (<see cref="PanelReading.NameFreeFileName"/>).
/// </summary>
public sealed class OpenCandidateEvidenceFile(IDbContextFactory<GrowthDbContext> dbFactory, IEvidenceFileStore store)
{
    public async Task<EvidenceFileDownload> HandleAsync(Actor actor, OpenCandidateEvidenceFileRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var named = PanelReading.NamedNominations(db, me).Select(n => n.Id);
        var nomination = await PanelReading.PanelNominations(db, me).AsNoTracking()
            .Where(n => n.Id == request.NominationId)
            .Select(n => new { n.CandidateId, n.Alias, n.Session!.TargetLevel, Named = named.Contains(n.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var file = nomination is null
            ? null
            : await db.Evidence.AsNoTracking()
                .Where(e => e.Id == request.EvidenceId && e.OwnerId == nomination.CandidateId && e.Kind == EvidenceKind.File && !e.IsArchived
                    && e.Supports.Any(s => s.ChecklistItem!.Statement!.Area!.Section!.Level!.Number == nomination.TargetLevel))
                .Select(e => new { e.Id, e.FileSha256, FileName = nomination.Named ? e.FileName : null, e.ContentType, e.FileSize })
                .FirstOrDefaultAsync(cancellationToken);
        if (file?.FileSha256 is null)
        {
            throw new NotFoundException("That file is not in a candidate's dossier of a session you sit on.");
        }

        var stream = await store.OpenReadAsync(file.FileSha256, cancellationToken)
            ?? throw new NotFoundException("The file is missing from the evidence store; ask your administrator.");
        var name = nomination!.Named ? file.FileName ?? "evidence" : PanelReading.NameFreeFileName(SessionAccess.Label(nomination.Alias), file.Id, file.ContentType);
        return new EvidenceFileDownload(stream, name, file.ContentType ?? "application/octet-stream", file.FileSize ?? 0);
    }
}
