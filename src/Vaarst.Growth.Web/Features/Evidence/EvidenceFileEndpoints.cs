using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Evidence;

/// <summary>Evidence files are only ever served through this authorised endpoint, as downloads.</summary>
public static class EvidenceFileEndpoints
{
    public static void MapEvidenceFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/evidence/{evidenceId:int}/file", (int evidenceId, HttpContext http, OpenEvidenceFile openFile) =>
            UseCaseEndpoint.RunAsync(http, async actor =>
            {
                var file = await openFile.HandleAsync(actor, evidenceId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                // Always an attachment, never rendered inline, whatever the stored content type.
                return Results.File(file.Content, file.ContentType, file.FileName);
            })).RequireAuthorization();
    }
}
