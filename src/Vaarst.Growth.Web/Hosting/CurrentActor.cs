using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Vaarst.Growth.Core;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The signed-in person as an <see cref="Actor"/> for use cases: the person id, the session's security stamp and the
/// roles the sign-in claims. The use cases confirm all of it against the directory before acting (<see cref="Authority"/>).
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider, PersonTime time, GetPreferences preferences)
{
    /// <returns>The actor, or null when the user is anonymous or not in the directory.</returns>
    public async Task<Actor?> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        var actor = FromPrincipal(state.User);
        if (actor is not null && !time.IsLoaded)
        {
            // Once per circuit: every date and time the person's pages show is in their own zone (PersonTime).
            try
            {
                time.Use((await preferences.HandleAsync(actor)).TimeZone);
            }
            catch (UseCaseException)
            {
                // A session the directory no longer honours: the page's own use case refuses it with the message.
            }
        }

        return actor;
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
