using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Framework;

public sealed class FrameworkBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string AlexMorgan = "alex.morgan@vaarst.example";
    private const int Phone = 390;
    private const int Desktop = 1280;
    private static readonly int[] Widths = [Desktop, Phone];

    /// <summary>
    /// Each page is checked at desktop width and resized in place to the phone's (<see cref="PageChecks.ResizeAsync"/>).
    /// Sam signs in at phone width, and the way from the navigation to Level 4 is walked at both widths (on a phone
    /// through the drawer's toggle) in the same signed-in tab.
    /// </summary>
    [Fact]
    public async Task Level_edge_engineer_reads_level_4_from_the_catalogue_sees_edge_computing_and_undefined_areas()
    {
        var page = await app.NewPageAsync(Desktop);

        await page.GotoAsync("/account/dev-signin");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.GetByTestId($"signin-{SamLee}")).ToBeVisibleAsync();
            await VisitedAsync(page, "signin");
        }

        // Sam signs in with the sign-in page at phone width, as the phone run of this test did.
        await app.SignInAsync(page, SamLee);
        foreach (var width in new[] { Phone, Desktop })
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("checklist-summary")).ToContainTextAsync("Edge ML Engineer");
            await VisitedAsync(page, "home");
        }

        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await OpenFrameworkFromTheNavigationAsync(page);
            await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/framework");
            // The address changes before the page does: wait for the catalogue itself (the home card also says "Level 4 (Mid)").
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The career framework", Level = 1 })).ToBeVisibleAsync();
            var level4 = page.GetByText("Level 4 (Mid)", new() { Exact = true });
            await Expect(level4).ToBeVisibleAsync();
            await VisitedAsync(page, "catalogue");

            await level4.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/framework/levels/\d+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Level 4 (Mid)", Level = 1 })).ToBeVisibleAsync();

            var edgeComputing = page.GetByTestId("area-edge-computing");
            await Expect(edgeComputing.GetByTestId("statement")).ToHaveCountAsync(6);
            await Expect(edgeComputing.GetByText("I can to write performance/benchmarking code and analyse the results.", new() { Exact = true }))
                .ToBeVisibleAsync();
            await Expect(edgeComputing.GetByText("I can use the relevant Parallel Computing (e.g. CUDA) and Deep Learning frameworks (e.g. TensorRT, DeepStream, ONNX).", new() { Exact = true }))
                .ToBeVisibleAsync();

            var architectureDesign = page.GetByTestId("area-architecture-design");
            await Expect(architectureDesign).ToContainTextAsync("Architecture Design");
            await Expect(architectureDesign.GetByText("not yet defined", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(architectureDesign.GetByTestId("statement")).ToHaveCountAsync(0);

            // Sam's own specialism is the default filter: the ML Engineer section stays hidden.
            await Expect(page.Locator(".mud-chip-selected")).ToHaveTextAsync("All + Edge ML Engineer");
            await Expect(page.GetByTestId("section-ML Engineer")).ToHaveCountAsync(0);
            await VisitedAsync(page, "level-4");
        }
    }

    [Fact]
    public async Task Level_ml_engineer_sees_machine_learning_by_default_and_edge_computing_only_with_all_sections()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, AlexMorgan);

        await page.GotoAsync("/framework");
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The career framework", Level = 1 })).ToBeVisibleAsync();
        await page.GetByText("Level 4 (Mid)", new() { Exact = true }).ClickAsync();

        await Expect(page.Locator(".mud-chip-selected")).ToHaveTextAsync("All + ML Engineer");
        await Expect(page.GetByTestId("area-machine-learning-and-deep-learning")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("area-machine-learning-and-deep-learning").GetByTestId("statement")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("area-ml-ops")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("area-edge-computing")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "level-4-ml-engineer");

        await page.GetByText("All sections", new() { Exact = true }).ClickAsync();

        await Expect(page.Locator(".mud-chip-selected")).ToHaveTextAsync("All sections");

        await Expect(page.GetByTestId("area-edge-computing").GetByTestId("statement")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("area-machine-learning-and-deep-learning")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "level-4-all-sections");
    }

    private static async Task OpenFrameworkFromTheNavigationAsync(IPage page)
    {
        var frameworkLink = page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Framework", Exact = true });
        if (!await frameworkLink.IsVisibleAsync())
        {
            // On a phone the navigation drawer starts closed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        }

        await frameworkLink.ClickAsync();
    }

    private async Task VisitedAsync(IPage page, string name)
    {
        await AppFixture.ScreenshotAsync(page, name);
        if (page.ViewportSize?.Width <= Phone)
        {
            await PageChecks.AssertNoHorizontalScrollAsync(page);
        }
    }
}
