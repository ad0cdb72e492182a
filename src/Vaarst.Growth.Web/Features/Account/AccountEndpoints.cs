using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Features.Account;

/// <summary>Sign-in and sign-out (Microsoft.Identity.Web.UI is not used, so these are ours).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").AllowAnonymous();

        account.MapGet("/signin", (HttpContext http, SignInOptions options, string? returnUrl, string? session) =>
        {
            var target = SafeReturnUrl(returnUrl);
            if (CurrentActor.FromPrincipal(http.User) is not null)
            {
                // The cookie passed the directory check on this request (and carries the current roles): an open tab
                // whose sign-in changed comes back here and goes straight on, with what the directory says now.
                return Results.LocalRedirect(target.StartsWith("/account/", StringComparison.OrdinalIgnoreCase) ? "/" : target);
            }

            var ended = session == SessionAuthority.SessionEnded ? $"&session={SessionAuthority.SessionEnded}" : "";
            return options.DevelopmentSignIn
                ? Results.Redirect($"/account/dev-signin?returnUrl={Uri.EscapeDataString(target)}{ended}")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme]);
        });

        account.MapPost("/dev-signin", async (HttpContext http, SignInOptions options, SignInDirectory directory, [FromForm] int personId, [FromForm] string? returnUrl) =>
        {
            if (!options.DevelopmentSignIn)
            {
                return Results.NotFound();
            }

            var actor = await directory.FindAsync(personId, http.RequestAborted);
            if (actor is null)
            {
                await SignInAudit.RecordAsync(http, new SignInEvent(AuditEventTypes.SignInRefused, SignInMethod.Development, personId));
                return Results.Redirect("/account/dev-signin?error=unknown");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                GrowthAuthentication.CreatePrincipal(actor, CookieAuthenticationDefaults.AuthenticationScheme));
            await SignInAudit.RecordAsync(http, new SignInEvent(AuditEventTypes.SignedIn, SignInMethod.Development, actor.PersonId));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });

        account.MapPost("/signout", async (HttpContext http, SignInOptions options, SignInDirectory directory) =>
        {
            // Server side first: every cookie of this person (this one replayed, another tab's, another device's) and
            // every open circuit is refused from now on, not only the cookie this browser deletes.
            if (CurrentActor.FromPrincipal(http.User)?.PersonId is { } personId)
            {
                await directory.EndSessionsAsync(personId, http.RequestAborted);
                await SignInAudit.RecordAsync(http, new SignInEvent(AuditEventTypes.SignedOut, options.DevelopmentSignIn ? SignInMethod.Development : SignInMethod.EntraId, personId));
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (options.DevelopmentSignIn)
            {
                return Results.LocalRedirect("/account/signed-out");
            }

            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        });
    }

    /// <summary>
    /// Only local paths are followed after sign-in, so the sign-in page cannot be used as an open redirect. Control
    /// characters fall back to "/" too: browsers drop a tab or newline inside a URL ("/\t/evil.example" becomes
    /// "//evil.example"), and a header cannot carry them (they used to answer HTTP 500). So do characters outside ASCII:
    /// Kestrel refuses them in the Location header (HTTP 500), and the app's own return URLs arrive percent-encoded.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
        && returnUrl.All(c => char.IsAscii(c) && !char.IsControl(c))
            ? returnUrl
            : "/";
}
