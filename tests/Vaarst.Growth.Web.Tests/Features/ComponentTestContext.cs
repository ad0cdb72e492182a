using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Components.Shared;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Features;

/// <summary>
/// bUnit with MudBlazor, the real use cases on a <see cref="SeededDatabase"/>, and a signed-in engineer whose
/// claims are made exactly as sign-in makes them.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPageSnackbars();
        // Dates are formatted in the signed-in person's zone (UTC until SignInAsync loads it).
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<PersonTime>();
        Services.AddScoped<Vaarst.Growth.Web.Features.Review.RecentDecisions>();
        PageState = this.AddBunitPersistentComponentState();
    }

    /// <summary>What a prerender persists for the circuit (pages read through <c>PrerenderedRead</c>); empty unless a test fills it.</summary>
    public BunitPersistentComponentState PageState { get; }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Wires the core to <paramref name="database"/> and signs in the person with <paramref name="email"/>.</summary>
    protected async Task<Actor> SignInAsync(SeededDatabase database, string email)
    {
        var actor = await database.ActorAsync(email);
        database.AddGrowthCore(Services);
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(actor));
        Services.AddScoped<CurrentActor>();
        return actor;
    }

    /// <summary>Dialogs and select popovers render into these providers, as they do in the layout.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    private sealed class SignedIn(Actor actor) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(GrowthAuthentication.CreatePrincipal(actor, "Test")));
    }
}
