using System.Text;
using Vaarst.Growth.Core;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.People;

/// <summary>The directory export (a download).</summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/people/export.csv", async (HttpContext http, ExportDirectory export) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var csv = await export.HandleAsync(actor, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                    $"vaarst-growth-directory-{DateTime.UtcNow:yyyyMMdd}.csv");
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization();
    }
}
