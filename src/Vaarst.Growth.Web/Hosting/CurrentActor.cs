using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Vaarst.Growth.Core;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The signed-in person as an <see cref="Actor"/> for use cases: the person id, the session's security stamp and the
/// roles the sign-in claims. The use cases confirm all of it against the directory before acting (<see cref="Authority"/>).
/// Scoped (a circuit, or a prerendered request), it also reads the frame around the page once: the layout's
/// <see cref="NavigationSummary"/>, which carries the person's time zone, so no page renders a date before
/// <see cref="PersonTime"/> knows the zone, and the layout and the pages share one use case call for it.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider, PersonTime time, GetNavigationSummary summaries,
    PersistentComponentState pageState) : IDisposable
{
    private PrerenderedRead<NavigationSummary>? _read;
    private Task<NavigationSummary>? _first;
    private bool _firstTaken;

    /// <returns>The actor, or null when the user is anonymous or not in the directory.</returns>
    public async Task<Actor?> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        var actor = FromPrincipal(state.User);
        if (actor is not null && !time.IsLoaded)
        {
            // Once per circuit: every date and time the person's pages show is in their own zone (PersonTime). The
            // layout and the page both get here before they render a date; both wait for the same read.
            try
            {
                await FirstSummaryAsync(actor);
            }
            catch (UseCaseException)
            {
                // A session the directory no longer honours: the page's own use case refuses it with the message.
            }
        }

        return actor;
    }

    /// <summary>
    /// What the layout shows around the page. The first call of a circuit (or prerender) is the read <see cref="GetAsync"/>
    /// started, which on a circuit's start is what the prerender read (<see cref="PrerenderedRead{T}"/>); every later call
    /// (the next page of the circuit) reads afresh. Each read also brings <see cref="PersonTime"/> up to date.
    /// </summary>
    public Task<NavigationSummary> GetSummaryAsync(Actor actor)
    {
        if (!_firstTaken)
        {
            _firstTaken = true;
            return FirstSummaryAsync(actor);
        }

        return ReadSummaryAsync(actor);
    }

    public void Dispose() => _read?.Dispose();

    private Task<NavigationSummary> FirstSummaryAsync(Actor actor) => _first ??= ReadSummaryAsync(actor);

    private async Task<NavigationSummary> ReadSummaryAsync(Actor actor)
    {
        _read ??= new PrerenderedRead<NavigationSummary>(pageState, nameof(NavigationSummary));
        var summary = await _read.ReadAsync(() => summaries.HandleAsync(actor));
        time.Use(summary.TimeZone);
        return summary;
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
