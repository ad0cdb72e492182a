using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Sign-in: development sign-in (pick a demo person) or Microsoft Entra ID.</summary>
public static class GrowthAuthentication
{
    public static string ResolveMode(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Authentication:Mode"] is { Length: > 0 } mode
            ? mode
            : environment.IsDevelopment() ? AuthenticationModes.Development : AuthenticationModes.EntraId;

    /// <summary>Refuses configurations that must never reach production with a message an operator can act on.</summary>
    public static void EnsureSafe(string mode, IConfiguration configuration, IHostEnvironment environment)
    {
        if (mode is not (AuthenticationModes.Development or AuthenticationModes.EntraId))
        {
            throw new StartupRefusedException(
                $"Authentication:Mode '{mode}' is not supported. Use '{AuthenticationModes.EntraId}' or, outside Production, '{AuthenticationModes.Development}'.");
        }

        if (environment.IsProduction() && mode == AuthenticationModes.Development)
        {
            throw new StartupRefusedException(
                "Development sign-in is not allowed in the Production environment. Set Authentication:Mode to EntraId and configure the AzureAd section.");
        }

        if (mode == AuthenticationModes.EntraId)
        {
            var missing = new[] { "Instance", "TenantId", "ClientId" }
                .Where(key => string.IsNullOrWhiteSpace(configuration[$"AzureAd:{key}"]))
                .Select(key => $"AzureAd:{key}")
                .ToList();

            // The authorization-code flow redeems the code with a client credential: a secret or a certificate.
            if (string.IsNullOrWhiteSpace(configuration["AzureAd:ClientSecret"]) && !configuration.GetSection("AzureAd:ClientCredentials").GetChildren().Any())
            {
                missing.Add("AzureAd:ClientSecret");
            }
            if (missing.Count > 0)
            {
                throw new StartupRefusedException(
                    $"Microsoft Entra ID sign-in needs {string.Join(", ", missing)}. See docs/deployment.md; for a local demo use the Development environment.");
            }
        }
    }

    public static IServiceCollection AddGrowthAuthentication(this IServiceCollection services, string mode, IConfiguration configuration, bool isDevelopment = false)
    {
        // Outside Development the sign-in cookie only ever travels over HTTPS (TLS may end at a proxy: see docs/deployment.md).
        void ConfigureCookie(CookieAuthenticationOptions options)
        {
            ConfigureCookieDefaults(options);
            options.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

            var previousValidate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await previousValidate(context);
                await SessionAuthority.ValidatePrincipalAsync(context);
            };
            var previousRedirect = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                context.RedirectUri = SessionAuthority.SignInRedirect(context.HttpContext, context.RedirectUri);
                return previousRedirect(context);
            };
        }

        if (mode == AuthenticationModes.EntraId)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                // Authorization code flow with PKCE, redeemed with the client secret. Identity.Web would otherwise ask
                // for response_type=id_token (implicit flow), which the app registration in docs/deployment.md does
                // not enable ("ID tokens" is left unticked), so Entra ID would refuse the sign-in.
                options.ResponseType = OpenIdConnectResponseType.Code;

                // The app bar greets people by name. Identity.Web names the identity after preferred_username (the
                // sign-in e-mail); Entra ID's display name is the `name` claim.
                options.TokenValidationParameters.NameClaimType = "name";

                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    await AttachDirectoryPersonAsync(context);
                };

                // Sign-out sends no id_token_hint (tokens are not kept in the cookie), so name the client instead
                // (OpenID Connect RP-Initiated Logout 1.0): a provider only returns people to post_logout_redirect_uri,
                // and so to "You are signed out", when it knows which application asks.
                var previousSignOut = options.Events.OnRedirectToIdentityProviderForSignOut;
                options.Events.OnRedirectToIdentityProviderForSignOut = async context =>
                {
                    await previousSignOut(context);
                    context.ProtocolMessage.ClientId ??= context.Options.ClientId;
                };
            });
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);

            // Pages challenge the cookie scheme, which sends people to /account/signin; that endpoint challenges Entra ID.
            // One sign-in entry point for pages, endpoints and the development mode alike.
            services.Configure<AuthenticationOptions>(o => o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(ConfigureCookie);
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddSingleton(new SessionRevalidationOptions(
            configuration.GetValue<TimeSpan?>("Authentication:RevalidationInterval") ?? TimeSpan.FromSeconds(30)));
        services.AddScoped<AuthenticationStateProvider, DirectoryRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<PersonTime>();
        services.AddScoped<Vaarst.Growth.Web.Features.Review.RecentDecisions>();
        return services;
    }

    /// <summary>The claims of a signed-in directory person (development sign-in issues exactly these).</summary>
    public static ClaimsPrincipal CreatePrincipal(Actor actor, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(AuthenticationModes.PersonIdClaim, actor.PersonId!.Value.ToString()),
            new(ClaimTypes.Name, actor.Name),
        };
        if (actor.SecurityStamp is not null)
        {
            claims.Add(new Claim(AuthenticationModes.SecurityStampClaim, actor.SecurityStamp));
        }

        claims.AddRange(Enum.GetValues<Roles>().Where(r => r != Roles.None && actor.Has(r)).Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static void ConfigureCookieDefaults(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/account/signin";
        options.LogoutPath = "/account/signout";
        options.AccessDeniedPath = "/account/denied";
        options.Cookie.Name = "vaarst.growth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
    }

    internal static async Task AttachDirectoryPersonAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var directory = context.HttpContext.RequestServices.GetRequiredService<SignInDirectory>();
        var objectId = principal.GetObjectId();
        var email = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        var person = await directory.MatchAsync(objectId, email, context.HttpContext.RequestAborted);

        // Entra ID says who someone is; the directory says what they may do. The token's app roles are replaced with
        // the directory's roles, so an administrator changes a role in one place and it applies at the next request.
        var withDirectoryRoles = SessionAuthority.WithDirectoryRoles(principal, person?.Name ?? identity.Name ?? "", person?.Roles ?? Roles.None);
        var directoryIdentity = (ClaimsIdentity)withDirectoryRoles.Identity!;
        if (person is not null)
        {
            directoryIdentity.AddClaim(new Claim(AuthenticationModes.PersonIdClaim, person.PersonId!.Value.ToString()));
            directoryIdentity.AddClaim(new Claim(AuthenticationModes.SecurityStampClaim, person.SecurityStamp!));
        }

        context.Principal = withDirectoryRoles;
        await SignInAudit.RecordAsync(context.HttpContext, person is null
            ? new SignInEvent(AuditEventTypes.SignInRefused, SignInMethod.EntraId, null, email)
            : new SignInEvent(AuditEventTypes.SignedIn, SignInMethod.EntraId, person.PersonId));
    }
}
