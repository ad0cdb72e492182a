using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Web.Components.Layout;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Components.Layout;

/// <summary>
/// The frame every page shares is plain markup (issue #15): no MudBlazor layout, app bar, drawer, navigation or menu
/// component, which each circuit would keep with its resize listeners, popover and key interceptor. The providers that
/// pages' dialogs and snackbars need stay. A structural guard, so the cost cannot creep back silently.
/// </summary>
public sealed class LayoutStructureTests : BunitContext
{
    [Fact]
    public async Task Layout_renders_no_MudBlazor_drawer_app_bar_navigation_or_menu_and_marks_the_current_page()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking); // the manager has an item to review and an unread notification
        host.AddTo(this, host.Manager);
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reviews/items/1");

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page()));

        layout.WaitForAssertion(() => Assert.Equal("1", layout.Find("[data-testid=review-count]").TextContent.Trim()));
        var mud = layout.FindComponents<MudComponentBase>().Select(c => c.Instance.GetType().Name).ToList();
        Assert.DoesNotContain(mud, name => name.StartsWith("MudLayout") || name.StartsWith("MudAppBar") || name.StartsWith("MudDrawer")
            || name.StartsWith("MudNav") || name.StartsWith("MudMenu") || name.StartsWith("MudBadge") || name.StartsWith("MudIconButton")
            || name.StartsWith("MudPopover") && name != "MudPopoverProvider");
        Assert.Empty(layout.FindComponents<Microsoft.AspNetCore.Components.Routing.NavLink>());
        Assert.Single(layout.FindComponents<MudDialogProvider>());
        Assert.Single(layout.FindComponents<MudSnackbarProvider>());
        // Landmarks, and the current page marked as NavLink marks it (a prefix match: an item below /reviews).
        Assert.Single(layout.FindAll("header.mud-appbar"));
        Assert.Single(layout.FindAll("nav[aria-label='Main navigation']"));
        Assert.Single(layout.FindAll("main"));
        var current = Assert.Single(layout.FindAll("a[aria-current=page]"));
        Assert.Equal("/reviews", current.GetAttribute("href"));
        Assert.Contains("active", current.ClassList);
        Assert.DoesNotContain(layout.FindAll("a[href='/']"), a => a.HasAttribute("aria-current"));
        // The bell reads nothing and renders no menu until opened.
        Assert.Empty(layout.FindAll("[role=menu]"));
        Assert.Equal("false", layout.Find("[data-testid=notification-bell] button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Drawer_toggles_keep_one_state_per_width_and_a_new_page_closes_the_phone_drawer()
    {
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page()));
        layout.WaitForElement("[data-testid=signed-in-as]");
        Assert.Contains("mud-drawer-open-responsive-md-left", layout.Find(".mud-layout").ClassList);

        layout.Find("button.app-nav-toggle-phone").Click();
        Assert.Contains("app-drawer-phone-open", layout.Find("#app-drawer").ClassList);
        Assert.Equal("true", layout.Find("button.app-nav-toggle-phone").GetAttribute("aria-expanded"));
        Assert.Single(layout.FindAll(".app-drawer-overlay"));

        layout.Find("button.app-nav-toggle-desktop").Click();
        Assert.DoesNotContain("mud-drawer-open-responsive-md-left", layout.Find(".mud-layout").ClassList);
        Assert.Contains("mud-drawer--closed", layout.Find("#app-drawer").ClassList);

        layout.Render(p => p.Add(x => x.Body, Page()));
        Assert.DoesNotContain("app-drawer-phone-open", layout.Find("#app-drawer").ClassList);
        Assert.Empty(layout.FindAll(".app-drawer-overlay"));
        Assert.Contains("mud-drawer--closed", layout.Find("#app-drawer").ClassList); // the desktop choice stays
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Layout_writes_the_themes_css_as_MudThemeProvider_would_without_a_theme_provider_in_the_circuit(bool darkMode)
    {
        // Issue #15, fourth round: the palette's CSS variables are rendered once per mode and process, not by a
        // MudThemeProvider on every render of the layout (with a dark-mode watcher per circuit). Same markup, same look.
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        if (darkMode)
        {
            await host.UseCase<Vaarst.Growth.Core.People.SetDarkMode>().HandleAsync(host.Edge, true, Xunit.TestContext.Current.CancellationToken);
        }

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page()));
        var provider = Render<MudThemeProvider>(p => p.Add(x => x.Theme, GrowthTheme.Theme).Add(x => x.IsDarkMode, darkMode));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=dark-mode]")));
        Assert.Empty(layout.FindComponents<MudThemeProvider>());
        // Rendered once per process, off the page's renderer (GrowthThemeStyle.WarmUp does it at start-up).
        layout.WaitForAssertion(() => Assert.Equal(provider.Markup, layout.FindComponent<GrowthThemeStyle>().Markup));
        Assert.Contains(darkMode ? "--mud-palette-background: rgba(15,26,33,1)" : "--mud-palette-background: rgba(245,247,249,1)", provider.Markup, StringComparison.OrdinalIgnoreCase);
    }

    private static RenderFragment Page() => builder =>
    {
        builder.OpenComponent<EmptyPage>(0);
        builder.CloseComponent();
    };

    internal sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }

    private sealed class EmptyPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "A page.");
    }
}
