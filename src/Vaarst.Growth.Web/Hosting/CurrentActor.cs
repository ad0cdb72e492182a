using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>The signed-in person as an <see cref="Actor"/> for use cases. Roles come from the role claims.</summary>
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

        var roles = Enum.GetValues<Roles>()
            .Where(r => r != Roles.None && user.IsInRole(r.ToString()))
            .Aggregate(Roles.None, (all, r) => all | r);
        return new Actor(personId, user.Identity.Name ?? user.FindFirstValue("name") ?? "Unknown", roles);
    }
}
