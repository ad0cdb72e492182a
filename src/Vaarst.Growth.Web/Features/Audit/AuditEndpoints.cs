using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Audit;

/// <summary>The audit log export (a download, so an endpoint rather than a page).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit/export", (HttpContext http, ExportAuditLog export, TimeProvider time, int? personId, string? type, DateOnly? from, DateOnly? to) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var csv = await export.HandleAsync(actor, new AuditLogFilter(personId, type, from, to), http.RequestAborted);
                return CsvDownload.File(http, csv, $"vaarst-growth-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
            })).RequireAuthorization();
    }
}
