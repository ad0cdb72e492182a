using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Gap;

/// <summary>The gap report as a CSV download.</summary>
public static class GapEndpoints
{
    public static void MapGapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gap/{personId:int}/export.csv", (int personId, int? level, HttpContext http, ExportGap export) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var (fileName, csv) = await export.HandleAsync(actor, new GetGapRequest(personId, level), http.RequestAborted);
                return CsvDownload.File(http, csv, fileName);
            })).RequireAuthorization();
    }
}
