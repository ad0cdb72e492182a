using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Calibration;

/// <summary>The comparison grid as a CSV download for the session's panel; dossier files downloaded through the session.</summary>
public static class CalibrationEndpoints
{
    public static void MapCalibrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calibration/{sessionId:int}/comparison.csv", async (int sessionId, HttpContext http, ExportComparison export) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var (fileName, csv) = await export.HandleAsync(actor, sessionId, http.RequestAborted);
                return CsvDownload.File(http, csv, fileName);
            }
            catch (NotFoundException)
            {
                // Not a member and no such session look the same: nothing to learn from the status.
                return Results.NotFound();
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization();

        // A file in a candidate's dossier, served through the session: name-free unless the member sees the candidate by name.
        endpoints.MapGet("/calibration/candidates/{nominationId:int}/evidence/{evidenceId:int}/file", async (int nominationId, int evidenceId, HttpContext http, OpenCandidateEvidenceFile openFile) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var file = await openFile.HandleAsync(actor, new OpenCandidateEvidenceFileRequest(nominationId, evidenceId), http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            catch (ForbiddenException)
            {
                // E.g. the caller's access ended between the cookie check and the use case's own confirmation.
                return Results.Forbid();
            }
        }).RequireAuthorization();
    }

    /// <summary>Where a dossier's file downloads from.</summary>
    public static string CandidateFileLink(int nominationId, int evidenceId) => $"/calibration/candidates/{nominationId}/evidence/{evidenceId}/file";
}
