using System.Text;
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
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
    }
}
