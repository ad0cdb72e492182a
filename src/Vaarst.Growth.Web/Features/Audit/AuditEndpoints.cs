using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Audit;

/// <summary>The audit log export (a download, so an endpoint rather than a page).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit/export", async (HttpContext http, ExportAuditLog export, TimeProvider time, int? personId, string? type, DateOnly? from, DateOnly? to) =>
        {
            if (CurrentActor.FromPrincipal(http.User) is not { } actor)
            {
                return Results.Forbid();
            }

            try
            {
                var csv = await export.HandleAsync(actor, new AuditLogFilter(personId, type, from, to), http.RequestAborted);
                return CsvDownload.File(http, csv, $"vaarst-growth-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
            catch (ValidationException ex)
            {
                return Results.BadRequest(ex.Message);
            }
        }).RequireAuthorization();
    }
}
