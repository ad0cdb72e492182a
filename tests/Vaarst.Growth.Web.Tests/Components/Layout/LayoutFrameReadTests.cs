using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Components.Layout;
using Vaarst.Growth.Web.Hosting;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Components.Layout;

/// <summary>
/// The frame around every page is one use case call (issue #15): the layout's navigation summary carries the person's
/// time zone, and the page's <see cref="CurrentActor"/> waits for that same read, so a page shows its dates in the
/// person's zone without a read of its own. It was two (the time zone through <c>GetPreferences</c>, then the summary):
/// two confirmations of the caller and three queries, five SQL commands where three do.
/// </summary>
public sealed class LayoutFrameReadTests : BunitContext
{
    /// <summary>09:00 UTC (the test clock's day): 18:00 in Tokyo.</summary>
    private static readonly DateTime Instant = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private const string InTokyo = "27 Nov 2026 18:00";

    [Fact]
    public async Task Layout_and_page_share_one_frame_read_of_three_commands_and_the_page_shows_the_persons_zone()
    {
        await using var host = await CreateAsync();
        await host.UseCase<SetTimeZone>().HandleAsync(host.Edge, "Asia/Tokyo", false, Xunit.TestContext.Current.CancellationToken);
        using var commands = new SqlCommandCounter(DataSourceOf(host));
        // The sign-in state arrives a moment later, as in a circuit: the layout renders its body (the page) while its own
        // read is still to come, so the page's CurrentActor gets there on its own.
        AddLayoutServices(this, host, host.Edge, signedInLater: true);

        commands.Reset();
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page()));

        layout.WaitForAssertion(() => Assert.Equal(InTokyo, layout.Find("[data-testid=dated]").TextContent));
        layout.WaitForElement("[data-testid=signed-in-as]");
        // The caller's confirmation, the person's row with the unread count and time zone, the review count.
        Assert.Equal(3, commands.Count);
    }

    [Fact]
    public async Task A_circuit_takes_the_frame_over_from_the_prerender_and_shows_the_persons_zone_without_a_command()
    {
        await using var host = await CreateAsync();
        await host.UseCase<SetTimeZone>().HandleAsync(host.Edge, "Asia/Tokyo", false, Xunit.TestContext.Current.CancellationToken);
        using var commands = new SqlCommandCounter(DataSourceOf(host));

        // The prerender reads the frame and persists it with the page.
        var prerenderState = AddLayoutServices(this, host, host.Edge, interactive: false);
        var prerendered = Render<MainLayout>(p => p.Add(x => x.Body, Page()));
        prerendered.WaitForAssertion(() => Assert.Equal(InTokyo, prerendered.Find("[data-testid=dated]").TextContent));
        prerenderState.TriggerOnPersisting();
        Assert.True(prerenderState.TryTake<NavigationSummary>(nameof(NavigationSummary), out var handedOver) && handedOver is not null);
        Assert.Equal("Asia/Tokyo", handedOver.TimeZone);

        // The circuit that takes the page over: the same frame and the same zone, without a query.
        await using var circuit = new BunitContext();
        var circuitState = AddLayoutServices(circuit, host, host.Edge, interactive: true);
        circuitState.Persist(nameof(NavigationSummary), handedOver);
        commands.Reset();
        var interactive = circuit.Render<MainLayout>(p => p.Add(x => x.Body, Page()));

        interactive.WaitForAssertion(() => Assert.Equal(InTokyo, interactive.Find("[data-testid=dated]").TextContent));
        interactive.WaitForElement("[data-testid=signed-in-as]");
        Assert.Equal(0, commands.Count);
    }

    private static BunitPersistentComponentState AddLayoutServices(BunitContext context, Features.ReviewTestHost host, Actor actor,
        bool interactive = true, bool signedInLater = false)
    {
        var pageState = host.AddTo(context, actor);
        if (signedInLater)
        {
            context.Services.AddSingleton<AuthenticationStateProvider>(new SignedInLater(actor));
        }

        context.Services.AddSingleton<AntiforgeryStateProvider, LayoutStructureTests.NoAntiforgery>();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: interactive));
        return pageState;
    }

    private static string DataSourceOf(Features.ReviewTestHost host) =>
        new SqliteConnectionStringBuilder(host.Configuration.GetConnectionString("Growth")).DataSource;

    private static RenderFragment Page() => builder =>
    {
        builder.OpenComponent<DatedPage>(0);
        builder.CloseComponent();
    };

    /// <summary>A page that shows an instant, as every page with a date does: after asking for the actor.</summary>
    private sealed class DatedPage : ComponentBase
    {
        private string? _shown;

        [Inject] private CurrentActor Current { get; set; } = default!;

        [Inject] private PersonTime Time { get; set; } = default!;

        protected override async Task OnInitializedAsync()
        {
            await Current.GetAsync();
            _shown = Time.DateTime(Instant);
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "dated");
            builder.AddContent(2, _shown);
            builder.CloseElement();
        }
    }

    /// <summary>The signed-in person, answered after a yield (a circuit's state is not always at hand at once).</summary>
    private sealed class SignedInLater(Actor actor) : AuthenticationStateProvider
    {
        private readonly AuthenticationState _state = new(GrowthAuthentication.CreatePrincipal(actor, "Test"));

        public override async Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            await Task.Yield();
            return _state;
        }
    }
}
