using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MudBlazor.Services;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Web.Components;
using Vaarst.Growth.Web.Components.Shared;
using Vaarst.Growth.Web.Features.Account;
using Vaarst.Growth.Web.Features.Audit;
using Vaarst.Growth.Web.Features.Calibration;
using Vaarst.Growth.Web.Features.Evidence;
using Vaarst.Growth.Web.Features.Gap;
using Vaarst.Growth.Web.Features.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Builds the web application: services, sign-in, pipeline and endpoints.</summary>
public static class GrowthWebApplication
{
    /// <summary>When set, Blazor's SignalR connections go through Azure SignalR Service (docs/deployment.md).</summary>
    public const string AzureSignalRConnectionString = "Azure:SignalR:ConnectionString";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // A built (not published) app outside Development still serves MudBlazor's static assets.
        builder.WebHost.UseStaticWebAssets();

        var authenticationMode = GrowthAuthentication.ResolveMode(builder.Configuration, builder.Environment);
        GrowthAuthentication.EnsureSafe(authenticationMode, builder.Configuration, builder.Environment);

        // Hosted services start in the order they are registered: the database is migrated before any other (Data
        // Protection's key-ring loader, the notification sender) reads it.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddGrowthCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddHostedService<CycleReleaseTimer>();
        builder.Services.AddGrowthAuthentication(authenticationMode, builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(new SignInOptions(authenticationMode));
        KeyProtection.Configure(
            DatabaseKeyRepository.Persist(builder.Services.AddDataProtection().SetApplicationName("Vaarst.Growth")),
            builder.Logging, builder.Configuration);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vaarst.antiforgery";
            o.SuppressXFrameOptionsHeader = true;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<GrowthDbContext>("database").AddCheck<OutboxHealthCheck>("outbox");
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHostedService<ThemeWarmUp>();
        // Refusals set the prerendered response's status through the request (ResponseStatus).
        builder.Services.AddHttpContextAccessor();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[AzureSignalRConnectionString]))
        {
            // Several instances without sticky sessions at the load balancer: circuits go through Azure SignalR Service,
            // which keeps each one on the instance that holds its state.
            builder.Services.AddSignalR().AddAzureSignalR(o => o.ServerStickyMode = Microsoft.Azure.SignalR.ServerStickyMode.Required);
        }

        // MudBlazor shows snackbars at 95% opacity: the page behind bleeds through and white text on the success green
        // falls to about 4.2:1 (axe color-contrast, seen in the journey browser test). Fully opaque keeps it above 5:1.
        builder.Services.AddMudServices(o => o.SnackbarConfiguration.MaximumOpacity = 100);
        builder.Services.AddPageSnackbars();

        var app = builder.Build();

        app.UseAbandonedRequestWork();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders(app.Configuration);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapEvidenceFileEndpoints();
        app.MapAuditEndpoints();
        app.MapGapEndpoints();
        app.MapPeopleEndpoints();
        app.MapCalibrationEndpoints();
        // Our Content-Security-Policy already says frame-ancestors 'none'; Blazor would add a second, weaker policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.Lifetime.ApplicationStarted.Register(() => AnnounceSignIn(app, authenticationMode));
        return app;
    }

    /// <summary>Tells whoever ran <c>dotnet run</c> where to go and how to sign in.</summary>
    private static void AnnounceSignIn(WebApplication app, string authenticationMode)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "the app's URL";
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vaarst.Growth");
        KeyProtection.Announce(app.Configuration, logger);
        if (authenticationMode == AuthenticationModes.Development)
        {
            logger.LogInformation("Vaarst Growth is ready: open {Url} and pick a demo person (engineer, line manager, calibration panel or administrator) to sign in.", url);
        }
        else
        {
            logger.LogInformation("Vaarst Growth is ready at {Url} (Microsoft Entra ID sign-in).", url);
        }
    }
}
