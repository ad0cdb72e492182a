using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Review;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Features.Review;

public sealed class ReviewQueuePageTests : BunitContext
{
    [Fact]
    public async Task Queue_lists_the_reports_submitted_items_oldest_first()
    {
        await using var host = await CreateAsync();
        // The clock only moves forward: the newer item is rated first (a lower id), submitted 30 hours after the older.
        var firstRated = await host.UseCase<RateStatement>().HandleAsync(host.Ml,
            new RateStatementRequest(await host.StatementAsync(Algorithms), SelfRating.Practising, null, null), Xunit.TestContext.Current.CancellationToken);
        var older = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.Clock.Advance(TimeSpan.FromHours(30));
        var newerButFirstRated = await host.SubmittedAsync(host.Ml, Algorithms);
        Assert.Equal(firstRated.ItemId, newerButFirstRated);
        host.AddTo(this, host.Manager);

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Equal(
            [$"queue-{older}", $"queue-{newerButFirstRated}"],
            cut.FindAll("[data-testid^=queue-]").Select(e => e.GetAttribute("data-testid"))));
        var first = cut.Find($"[data-testid=queue-{older}]");
        Assert.Contains("Eda Edge", first.TextContent);
        Assert.Contains("waiting 1 day", first.TextContent);
        Assert.Equal($"/reviews/items/{older}", first.QuerySelector("a[href^='/reviews/items/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Queue_of_another_manager_is_empty_and_says_so()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.OtherManager);

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing waits for your review", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid^=queue-]"));
    }

    [Fact]
    public async Task Queue_filtered_by_engineer_shows_only_their_items()
    {
        await using var host = await CreateAsync();
        var edgeItem = await host.SubmittedAsync(host.Edge, Benchmarking);
        var mlItem = await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);

        NavigateTo($"/reviews?engineer={host.Ml.PersonId}");

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Equal([$"queue-{mlItem}"], cut.FindAll("[data-testid^=queue-]").Select(e => e.GetAttribute("data-testid"))));
        Assert.DoesNotContain($"queue-{edgeItem}", cut.Markup);
    }

    [Fact]
    public async Task Queue_filtered_to_nobody_offers_the_filters_and_says_nothing_matches()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);

        NavigateTo($"/reviews?engineer={host.Ml.PersonId}");

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("No items match these filters.", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid^=queue-]"));
        // The engineer chosen has nothing waiting: the select says so (not another engineer's name), and offers the way back.
        var engineer = cut.Find("select#queue-filter-engineer");
        var chosen = engineer.QuerySelectorAll("option").Single(o => o.GetAttribute("value") == host.Ml.PersonId.ToString());
        Assert.Equal("Nothing left to review", chosen.TextContent);
        Assert.DoesNotContain(engineer.QuerySelectorAll("option"), o => o.TextContent.Contains("Max Ml"));
        Assert.Equal("/reviews", cut.Find("[data-testid=show-all]").GetAttribute("href"));
    }

    [Fact]
    public async Task Queue_choosing_an_engineer_puts_the_filter_in_the_address()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);
        var navigation = NavigateTo("/reviews");

        var cut = Render<ReviewQueuePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=queue-]").Count));
        Assert.Empty(cut.FindComponents<MudBlazor.MudSelect<int?>>()); // native filters (issue #15)
        var engineer = cut.Find("select#queue-filter-engineer");
        var maxMl = engineer.QuerySelectorAll("option").Single(o => o.TextContent.Contains("Max Ml")).GetAttribute("value");
        engineer.Change(maxMl);

        Assert.Equal($"http://localhost/reviews?engineer={host.Ml.PersonId}", navigation.Uri);
    }

    /// <summary>The page reads its filters from the address, as it does when the app navigates.</summary>
    private NavigationManager NavigateTo(string uri)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(uri);
        return navigation;
    }
}
