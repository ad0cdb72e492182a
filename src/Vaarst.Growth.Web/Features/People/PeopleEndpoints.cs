using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.People;

/// <summary>The directory export (a download).</summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/people/export.csv", (HttpContext http, ExportDirectory export, TimeProvider time) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var csv = await export.HandleAsync(actor, http.RequestAborted);
                return CsvDownload.File(http, csv, $"vaarst-growth-directory-{time.GetUtcNow():yyyyMMdd}.csv");
            })).RequireAuthorization();
    }
}
