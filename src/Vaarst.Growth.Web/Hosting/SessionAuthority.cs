using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The sign-in cookie grants nothing by itself: on every request it is checked against the directory (one single-row
/// read, <see cref="Authority.ReadAuthorityAsync"/>). A person who is gone or inactive, or a cookie whose security
/// stamp is no longer the person's (they signed out, or were deactivated), is signed out and sent to sign-in with a
/// message; roles or a name that changed are rewritten into the cookie at once. The same holds for both sign-in modes.
/// </summary>
public static class SessionAuthority
{
    /// <summary>Query value the sign-in pages read to say why someone is asked to sign in again.</summary>
    public const string SessionEnded = "ended";

    private const string EndedItem = "vaarst:session-ended";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { Identity: ClaimsIdentity identity } user || !int.TryParse(user.FindFirstValue(AuthenticationModes.PersonIdClaim), out var personId))
        {
            // Signed in at Entra ID but not in the directory: no person id, so no actor and nothing granted.
            return;
        }

        var dbFactory = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<GrowthDbContext>>();
        var current = await dbFactory.ReadAuthorityAsync(personId, context.HttpContext.RequestAborted);
        if (!IsCurrent(user, current))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.HttpContext.Items[EndedItem] = true;
            return;
        }

        // The use cases this request runs confirm their caller against this reading (ADR 0004).
        RequestAuthority.Remember(current!);
        if (RolesOf(user) != current!.Roles || identity.Name != current.Name)
        {
            context.ReplacePrincipal(WithDirectoryRoles(user, current.Name, current.Roles));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Sends someone whose session just ended to sign-in with a query value that says so.</summary>
    public static string SignInRedirect(HttpContext http, string redirectUri) =>
        http.Items.ContainsKey(EndedItem) ? redirectUri + (redirectUri.Contains('?') ? "&" : "?") + "session=" + SessionEnded : redirectUri;

    /// <summary>The person is active and the principal carries the stamp the directory holds for them now.</summary>
    public static bool IsCurrent(ClaimsPrincipal user, DirectoryAuthority? current) =>
        current is { IsActive: true } && user.FindFirstValue(AuthenticationModes.SecurityStampClaim) is { } stamp && stamp == current.SecurityStamp;

    /// <summary>An open tab's sign-in still says what the directory says: current, and with the same roles.</summary>
    public static bool MatchesDirectory(ClaimsPrincipal user, DirectoryAuthority? current) =>
        IsCurrent(user, current) && RolesOf(user) == current!.Roles;

    public static Roles RolesOf(ClaimsPrincipal user) => Enum.GetValues<Roles>()
        .Where(r => r != Roles.None && user.IsInRole(r.ToString()))
        .Aggregate(Roles.None, (all, r) => all | r);

    /// <summary>The same identity (every other claim kept, e.g. Entra ID's), with the directory's name and roles.</summary>
    public static ClaimsPrincipal WithDirectoryRoles(ClaimsPrincipal user, string name, Roles roles)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        var claims = identity.Claims.Where(c => c.Type != identity.RoleClaimType && c.Type != ClaimTypes.Role && c.Type != identity.NameClaimType).ToList();
        claims.Add(new Claim(identity.NameClaimType, name));
        claims.AddRange(Enum.GetValues<Roles>().Where(r => r != Roles.None && (roles & r) == r).Select(r => new Claim(identity.RoleClaimType, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}

/// <summary>How often an open tab's sign-in is checked against the directory (<c>Authentication:RevalidationInterval</c>).</summary>
public sealed record SessionRevalidationOptions(TimeSpan Interval);

/// <summary>
/// An open tab (Blazor circuit) re-checks its sign-in against the directory every few seconds, so the page reflects a
/// sign-out elsewhere, a deactivation or changed roles (the layout then reloads through sign-in). Its actions never
/// wait for this: every use case confirms the caller itself (<see cref="Authority"/>).
/// </summary>
public sealed class DirectoryRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IDbContextFactory<GrowthDbContext> dbFactory, SessionRevalidationOptions options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (!int.TryParse(user.FindFirstValue(AuthenticationModes.PersonIdClaim), out var personId))
        {
            return true;
        }

        return SessionAuthority.MatchesDirectory(user, await dbFactory.ReadAuthorityAsync(personId, cancellationToken));
    }
}
