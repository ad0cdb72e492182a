using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Calibration;

/// <summary>The comparison grid as a CSV download for the session's panel.</summary>
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
    }
}
