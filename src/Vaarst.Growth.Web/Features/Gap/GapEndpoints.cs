using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Gap;

/// <summary>The gap report as a CSV download.</summary>
public static class GapEndpoints
{
    public static void MapGapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gap/{personId:int}/export.csv", async (int personId, int? level, HttpContext http, ExportGap export) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var (fileName, csv) = await export.HandleAsync(actor, new GetGapRequest(personId, level), http.RequestAborted);
                return CsvDownload.File(http, csv, fileName);
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
}
