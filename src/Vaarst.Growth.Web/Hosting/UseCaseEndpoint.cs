using Vaarst.Growth.Core;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The one way an endpoint (a download) runs a use case: the caller from the sign-in, the use case's answer, and each
/// refusal as its HTTP status — not found 404; forbidden 403 (e.g. the caller's access ended between the cookie check
/// and the use case's own confirmation); invalid 400 and conflict 409, with the message. Anything else is a fault (500).
/// Components run use cases through <c>UseCaseRunner</c> instead.
/// </summary>
public static class UseCaseEndpoint
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<Actor, Task<IResult>> useCase)
    {
        if (CurrentActor.FromPrincipal(http.User) is not { } actor)
        {
            return Results.Forbid();
        }

        try
        {
            return await useCase(actor);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (ForbiddenException)
        {
            return Results.Forbid();
        }
        catch (ValidationException ex)
        {
            return Results.BadRequest(ex.Message);
        }
        catch (ConflictException ex)
        {
            return Results.Conflict(ex.Message);
        }
    }
}
