using Vaarst.Growth.Core;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.People;

/// <summary>The directory export (a download).</summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/people/export.csv", async (HttpContext http, ExportDirectory export, TimeProvider time) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var csv = await export.HandleAsync(actor, http.RequestAborted);
                return CsvDownload.File(http, csv, $"vaarst-growth-directory-{time.GetUtcNow():yyyyMMdd}.csv");
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization();
    }
}
