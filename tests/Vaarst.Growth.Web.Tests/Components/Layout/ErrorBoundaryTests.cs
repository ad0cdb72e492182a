using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Web.Components.Layout;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Components.Layout;

/// <summary>
/// A fault in a page (not a refusal: <c>UseCaseRunner</c> shows those) is caught by the layout's <c>ErrorBoundary</c>:
/// the person sees the app's error state inside the app's frame, not a broken page, and the next page they open works.
/// </summary>
public sealed class ErrorBoundaryTests : BunitContext
{
    /// <summary>The error state's text (the layout's <c>ErrorContent</c>), not the reconnect banner's, which is always in the markup.</summary>
    private const string ErrorState = "The page could not finish what it was doing";

    [Fact]
    public async Task A_page_that_throws_shows_the_error_state_in_the_layout_and_the_next_page_recovers()
    {
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page<FaultyPage>()));

        layout.WaitForAssertion(() => Assert.Contains(ErrorState, layout.Markup));
        Assert.DoesNotContain(FaultyPage.Text, layout.Markup);
        // The frame stays: the navigation, the signed-in person and a way home.
        Assert.Contains(layout.FindAll("nav a, .mud-nav-link"), a => a.GetAttribute("href") == "/checklist");
        Assert.Equal(host.Edge.Name, layout.Find("[data-testid=signed-in-as]").TextContent);
        Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "/" && a.TextContent.Contains("Home"));

        // Moving on: the router renders the layout with the next page as its body.
        layout.Render(p => p.Add(x => x.Body, Page<NextPage>()));

        layout.WaitForAssertion(() => Assert.Contains(NextPage.Text, layout.Markup));
        Assert.DoesNotContain(ErrorState, layout.Markup);
    }

    private static RenderFragment Page<TPage>() where TPage : IComponent => builder =>
    {
        builder.OpenComponent<TPage>(0);
        builder.CloseComponent();
    };

    private sealed class FaultyPage : ComponentBase
    {
        public const string Text = "This page never renders.";

        protected override void OnInitialized() => throw new InvalidOperationException("A bug in the page.");

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Text);
    }

    private sealed class NextPage : ComponentBase
    {
        public const string Text = "The next page works.";

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Text);
    }

    /// <summary>The layout's sign-out forms carry an antiforgery token; a component test has no request to take one from.</summary>
    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
