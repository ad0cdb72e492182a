using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Review;

public sealed partial class ReviewJourneyBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string PriyaRaman = "priya.raman@vaarst.example";
    private const string NiaAdeyemi = "nia.adeyemi@vaarst.example";
    private const int Phone = 390;

    // The demo data sends this item of Sam's back with this comment.
    private const string EarlierComment = "Please link the harness code and one results run";
    private const string Statement = "I can to write performance/benchmarking code and analyse the results.";

    [Fact]
    public async Task Review_engineer_submits_manager_requests_changes_engineer_resubmits_manager_signs_off_engineer_is_told()
    {
        var sam = await app.NewPageAsync();
        var priya = await app.NewPageAsync();
        await app.SignInAsync(sam, SamLee);
        await app.SignInAsync(priya, PriyaRaman);

        // Sam resubmits the item the demo data returned with changes requested.
        await GotoAsync(sam, "/checklist");
        var row = sam.Locator("[data-testid^=statement-]").Filter(new() { HasText = EarlierComment });
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Changes requested");
        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await Expect(sam).ToHaveURLAsync(ItemPage());
        var itemId = int.Parse(ItemPage().Match(sam.Url).Groups[1].Value);
        await Expect(sam.Locator("h1")).ToHaveTextAsync(Statement);
        await SubmitAsync(sam);

        // Priya sees it counted in the navigation and waiting in her queue.
        await GotoAsync(priya, "/");
        await Expect(priya.GetByTestId("review-count")).ToHaveTextAsync("3");
        await priya.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");
        var entry = priya.GetByTestId($"queue-{itemId}");
        await Expect(entry).ToContainTextAsync("Sam Lee");
        await Expect(entry).ToContainTextAsync(Statement);
        await AppFixture.ScreenshotAsync(priya, "reviews");

        // She opens it and sends it back with a comment.
        await entry.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews/items/{itemId}");
        await Expect(priya.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await Expect(priya.GetByText("Benchmark harness for on-device latency")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(priya, "review-item");
        const string comment = "Add the p95 results run from the benchmark sheet, please.";
        await priya.GetByTestId("decision-comment").FillAsync(comment);
        await priya.GetByTestId("decide-request-changes").ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");
        await Expect(priya.GetByTestId($"queue-{itemId}")).ToHaveCountAsync(0);
        await Expect(priya.GetByTestId("review-count")).ToHaveTextAsync("2");

        // Sam reads the comment on his checklist and resubmits from the item page.
        await GotoAsync(sam, "/checklist");
        row = sam.Locator("[data-testid^=statement-]").Filter(new() { HasText = comment });
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Changes requested");
        await AppFixture.ScreenshotAsync(sam, "checklist-changes-requested");
        await GotoAsync(sam, $"/checklist/items/{itemId}");
        await SubmitAsync(sam);

        // Priya signs it off.
        await GotoAsync(priya, $"/reviews/items/{itemId}");
        await priya.GetByTestId("decide-sign-off").ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");
        await Expect(priya.GetByTestId($"queue-{itemId}")).ToHaveCountAsync(0);

        // Sam sees it signed off and is told in the bell.
        await GotoAsync(sam, "/checklist");
        row = sam.Locator("[data-testid^=statement-]").Filter(new() { HasText = Statement });
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Signed off");
        var bell = sam.GetByTestId("notification-bell").Locator("button");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 2 unread");
        await bell.ClickAsync();
        var notifications = sam.GetByTestId("notification");
        await Expect(notifications.First).ToContainTextAsync("Priya Raman signed off");
        await Expect(notifications.Nth(1)).ToContainTextAsync("Priya Raman requested changes on");
        await AppFixture.ScreenshotAsync(sam, "notifications-open");
        await sam.GetByRole(AriaRole.Menuitem, new() { Name = "Mark all as read" }).ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Review_manager_pages_fit_the_screen(int width)
    {
        var priya = await app.NewPageAsync(width);
        await app.SignInAsync(priya, PriyaRaman);

        await GotoAsync(priya, "/reviews");
        var firstEntry = priya.Locator("[data-testid^=queue-]").First;
        await Expect(firstEntry).ToBeVisibleAsync();
        await VisitedAsync(priya, "reviews-queue");

        await firstEntry.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(priya.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await VisitedAsync(priya, "reviews-item");

        await GotoAsync(priya, "/team");
        await Expect(priya.GetByTestId("team-table")).ToContainTextAsync("Sam Lee");
        await VisitedAsync(priya, "team");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Review_administrator_pages_show_the_audit_log_and_delegates(int width)
    {
        var nia = await app.NewPageAsync(width);
        await app.SignInAsync(nia, NiaAdeyemi);

        await GotoAsync(nia, "/admin/audit");
        await Expect(nia.GetByTestId("audit-export")).ToBeVisibleAsync();
        await Expect(nia.GetByTestId("audit-table").GetByText("framework.imported", new() { Exact = true }).First).ToBeVisibleAsync();
        await VisitedAsync(nia, "admin-audit");

        await GotoAsync(nia, "/admin/delegations");
        await Expect(nia.GetByRole(AriaRole.Heading, new() { Name = "Review delegates" })).ToBeVisibleAsync();
        await VisitedAsync(nia, "admin-delegations");
    }

    private static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
    }

    private static async Task SubmitAsync(IPage engineer)
    {
        await AppFixture.WaitForInteractiveAsync(engineer);
        await engineer.GetByTestId("item-submit").ClickAsync();
        await Expect(engineer.GetByTestId("status-chip").First).ToHaveTextAsync("Submitted");
    }

    private static async Task VisitedAsync(IPage page, string name)
    {
        await AppFixture.ScreenshotAsync(page, name);
        if (page.ViewportSize?.Width <= Phone)
        {
            await PageChecks.AssertNoHorizontalScrollAsync(page);
        }
    }

    [GeneratedRegex(@"/checklist/items/(\d+)$")]
    private static partial Regex ItemPage();
}
