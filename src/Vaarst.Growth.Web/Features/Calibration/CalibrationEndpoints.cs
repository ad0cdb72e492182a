using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Calibration;

/// <summary>
/// The comparison grid as a CSV download for the session's panel; dossier files downloaded through the session. Refusals
/// answer through <see cref="UseCaseEndpoint"/>: not a member and no such session look the same (404), and access that
/// ended between the cookie check and the use case's own confirmation is 403.
/// </summary>
public static class CalibrationEndpoints
{
    public static void MapCalibrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calibration/{sessionId:int}/comparison.csv", (int sessionId, HttpContext http, ExportComparison export) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var (fileName, csv) = await export.HandleAsync(actor, sessionId, http.RequestAborted);
                return CsvDownload.File(http, csv, fileName);
            })).RequireAuthorization();

        // A file in a candidate's dossier, served through the session: name-free unless the member sees the candidate by name.
        endpoints.MapGet("/calibration/candidates/{nominationId:int}/evidence/{evidenceId:int}/file", (int nominationId, int evidenceId, HttpContext http, OpenCandidateEvidenceFile openFile) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var file = await openFile.HandleAsync(actor, new OpenCandidateEvidenceFileRequest(nominationId, evidenceId), http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })).RequireAuthorization();
    }

    /// <summary>Where a dossier's file downloads from.</summary>
    public static string CandidateFileLink(int nominationId, int evidenceId) => $"/calibration/candidates/{nominationId}/evidence/{evidenceId}/file";
}
