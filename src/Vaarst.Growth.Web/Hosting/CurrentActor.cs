using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The signed-in person as an <see cref="Actor"/> for use cases: the person id, the session's security stamp and the
/// roles the sign-in claims. The use cases confirm all of it against the directory before acting (<see cref="Authority"/>).
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider)
{
    /// <returns>The actor, or null when the user is anonymous or not in the directory.</returns>
    public async Task<Actor?> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return FromPrincipal(state.User);
    }

    public static Actor? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !int.TryParse(user.FindFirstValue(AuthenticationModes.PersonIdClaim), out var personId))
        {
            return null;
        }

        // A sign-in cookie always carries the stamp (SessionAuthority refuses one without it); only principals made in
        // process (component tests) have none.
        return new Actor(personId, user.Identity.Name ?? user.FindFirstValue("name") ?? "Unknown", SessionAuthority.RolesOf(user))
        {
            SecurityStamp = user.FindFirstValue(AuthenticationModes.SecurityStampClaim),
        };
    }
}
