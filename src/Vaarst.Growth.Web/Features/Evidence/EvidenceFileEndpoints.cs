using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Evidence;

/// <summary>Evidence files are only ever served through this authorised endpoint, as downloads.</summary>
public static class EvidenceFileEndpoints
{
    public static void MapEvidenceFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/evidence/{evidenceId:int}/file", async (int evidenceId, HttpContext http, OpenEvidenceFile openFile) =>
        {
            var actor = CurrentActor.FromPrincipal(http.User);
            if (actor is null)
            {
                return Results.Forbid();
            }

            try
            {
                var file = await openFile.HandleAsync(actor, evidenceId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                // Always an attachment, never rendered inline, whatever the stored content type.
                return Results.File(file.Content, file.ContentType, file.FileName);
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
