using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Gap;

public sealed class GapBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string PriyaRaman = "priya.raman@vaarst.example";
    private const int Desktop = 1280;
    private static readonly int[] Widths = [Desktop, 390];

    /// <summary>
    /// Both pages are checked at desktop width, then resized in place to the phone's and checked again (the layout is
    /// CSS only, <see cref="PageChecks.ResizeAsync"/>): the phone run did nothing but load the same pages.
    /// </summary>
    [Fact]
    public async Task Gap_engineer_sees_readiness_areas_next_actions_and_history()
    {
        var page = await app.NewPageAsync(Desktop);
        await app.SignInAsync(page, SamLee);

        await page.GotoAsync("/gap");
        await AppFixture.WaitForInteractiveAsync(page);
        var personId = await PersonIdAsync(page);
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My gap to Level 4", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("gap-overall")).ToContainTextAsync("%");
            await Expect(page.GetByTestId("gap-area-edge-computing")).ToContainTextAsync("Edge Computing");
            await Expect(page.GetByTestId("gap-area-architecture-design")).ToContainTextAsync("not yet defined");
            await Expect(page.GetByTestId("gap-area-machine-learning-and-deep-learning")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("no-current-level")).ToContainTextAsync("no Level 3 page");
            await Expect(page.GetByTestId("next-actions")).ToContainTextAsync("Changes requested (1)");
            await Expect(page.GetByTestId("gap-history")).ToContainTextAsync("Progress over time");
            await PageChecks.AssertNoHorizontalScrollAsync(page);
            await AppFixture.ScreenshotAsync(page, "gap-engineer");
        }

        await PageChecks.ResizeAsync(page, Desktop);
        await page.GotoAsync($"/gap/{personId}/print");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.Locator("h1")).ToContainTextAsync("Sam Lee: Level 4 (Mid)");
            await Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(0);
            await AppFixture.ScreenshotAsync(page, "gap-print");
        }
    }

    [Fact]
    public async Task Gap_manager_opens_the_heatmap_and_a_reports_gap_view()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, PriyaRaman);

        await page.GotoAsync("/team/heatmap");
        await AppFixture.WaitForInteractiveAsync(page);
        var heatmap = page.GetByTestId("heatmap");
        await Expect(heatmap.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(heatmap).ToContainTextAsync("Sam Lee");
        await AppFixture.ScreenshotAsync(page, "gap-heatmap");

        await heatmap.GetByRole(AriaRole.Link, new() { Name = "Sam Lee" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sam Lee's gap to Level 4", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("next-actions").Locator("a[href^='/reviews/items/']").First).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "gap-manager");
    }

    /// <summary>The CSV link carries the person id of the gap being viewed.</summary>
    private static async Task<string> PersonIdAsync(IPage page)
    {
        var href = await page.GetByTestId("gap-export").GetAttributeAsync("href");
        return href!.Split('/')[2];
    }
}
