using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.People.Mail;
using Vaarst.Growth.Core.Review;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Review;

public sealed partial class ReviewJourneyBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string PriyaRaman = "priya.raman@vaarst.example";
    private const string NiaAdeyemi = "nia.adeyemi@vaarst.example";
    // Priya reviews Jordan too; no other test of this class touches Jordan's items or mail.
    private const string JordanKim = "jordan.kim@vaarst.example";
    private const int Phone = 390;
    private const int Desktop = 1280;
    private static readonly int[] Widths = [Desktop, Phone];

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
        // What waits for Priya before Sam resubmits (the bulk review test of this class may have left an item of Jordan's).
        var waiting = int.Parse(await priya.GetByTestId("review-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

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
        await Expect(priya.GetByTestId("review-count")).ToHaveTextAsync($"{waiting + 1}");
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
        await Expect(priya.GetByTestId("review-count")).ToHaveTextAsync($"{waiting}");

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

    /// <summary>
    /// Each page is checked at desktop width and resized in place to the phone's (<see cref="PageChecks.ResizeAsync"/>);
    /// the queue's "Review" link is followed at phone width, the interaction the phone run had of its own (at desktop
    /// width the first test of this class follows it).
    /// </summary>
    [Fact]
    public async Task Review_manager_pages_fit_the_screen()
    {
        var priya = await app.NewPageAsync(Desktop);
        await app.SignInAsync(priya, PriyaRaman);

        await GotoAsync(priya, "/reviews");
        var firstEntry = priya.Locator("[data-testid^=queue-]").First;
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(priya, width);
            await Expect(firstEntry).ToBeVisibleAsync();
            await VisitedAsync(priya, "reviews-queue");
        }

        await firstEntry.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        foreach (var width in new[] { Phone, Desktop })
        {
            await PageChecks.ResizeAsync(priya, width);
            await Expect(priya.GetByTestId("decision-panel")).ToBeVisibleAsync();
            await VisitedAsync(priya, "reviews-item");
        }

        await GotoAsync(priya, "/team");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(priya, width);
            await Expect(priya.GetByTestId("team-table")).ToContainTextAsync("Sam Lee");
            await VisitedAsync(priya, "team");
        }
    }

    /// <summary>Each page is checked at desktop width and resized in place to the phone's (<see cref="PageChecks.ResizeAsync"/>).</summary>
    [Fact]
    public async Task Review_administrator_pages_show_the_audit_log_and_delegates()
    {
        var nia = await app.NewPageAsync(Desktop);
        await app.SignInAsync(nia, NiaAdeyemi);

        await GotoAsync(nia, "/admin/audit");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(nia, width);
            await Expect(nia.GetByTestId("audit-export")).ToBeVisibleAsync();
            await Expect(nia.GetByTestId("audit-table").GetByText("framework.imported", new() { Exact = true }).First).ToBeVisibleAsync();
            await VisitedAsync(nia, "admin-audit");
        }

        await PageChecks.ResizeAsync(nia, Desktop);
        await GotoAsync(nia, "/admin/delegations");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(nia, width);
            await Expect(nia.GetByRole(AriaRole.Heading, new() { Name = "Review delegates" })).ToBeVisibleAsync();
            await VisitedAsync(nia, "admin-delegations");
        }
    }

    [Fact]
    public async Task Review_manager_bulk_signs_off_three_items_with_one_comment_undoes_one_and_the_engineer_gets_an_email_per_decision()
    {
        const string comment = "Good, well-evidenced work across the three.";
        var items = await JordanSubmitsThreeItemsAsync();
        var jordanId = await IdOfAsync(JordanKim);
        var priya = await app.NewPageAsync();
        await app.SignInAsync(priya, PriyaRaman);

        // Priya filters her queue to Jordan, selects his three items and signs them off with one comment.
        await GotoAsync(priya, $"/reviews?engineer={jordanId}");
        foreach (var item in items)
        {
            await priya.GetByTestId($"select-{item.ItemId}").CheckAsync();
        }

        await Expect(priya.GetByTestId("selected-count")).ToHaveTextAsync("3 selected");
        await priya.GetByTestId("bulk-sign-off").ClickAsync();
        var dialog = priya.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-testid^=bulk-item-]")).ToHaveCountAsync(3);
        await Expect(dialog.GetByTestId($"bulk-item-{items[0].ItemId}")).ToContainTextAsync("(1 evidence)");
        await dialog.Locator("textarea[data-testid=bulk-comment]").FillAsync(comment);
        await AppFixture.ScreenshotAsync(priya, "reviews-bulk-confirm", fullPage: false);
        await dialog.GetByTestId("bulk-confirm").ClickAsync();
        await Expect(priya.GetByTestId("bulk-outcome")).ToContainTextAsync("Signed off 3 of 3 items.");
        await Expect(priya.Locator("[data-testid^=just-decided-]")).ToHaveCountAsync(3);
        await AppFixture.ScreenshotAsync(priya, "reviews-just-decided");

        // She undoes one of them from the "Just decided" list: it is back in her queue, the other two stay decided.
        var undone = items[1].ItemId;
        await priya.GetByTestId($"undo-{undone}").ClickAsync();
        await Expect(priya.GetByTestId($"queue-{undone}")).ToBeVisibleAsync();
        await Expect(priya.Locator("[data-testid^=just-decided-]")).ToHaveCountAsync(2);
        await Expect(priya.GetByTestId($"just-decided-{undone}")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(priya, "reviews-after-undo");

        // Jordan's checklist shows the undone item submitted again, the others signed off.
        var jordan = await app.NewPageAsync();
        await app.SignInAsync(jordan, JordanKim);
        await GotoAsync(jordan, $"/checklist/items/{undone}");
        await Expect(jordan.GetByTestId("status-chip").First).ToHaveTextAsync("Submitted");
        await GotoAsync(jordan, $"/checklist/items/{items[0].ItemId}");
        await Expect(jordan.GetByTestId("status-chip").First).ToHaveTextAsync("Signed off");

        // Jordan receives one e-mail per decision (decisions reach people at once by default): three sign-offs and the undo.
        var mails = await MailToAsync(JordanKim, 4);
        Assert.All(mails, m => Assert.Equal([JordanKim], m.To));
        Assert.Equal(3, mails.Count(m => m.Message.Subject == NotificationWording.For(NotificationKinds.ItemSignedOff).Subject));
        Assert.Single(mails, m => m.Message.Subject == NotificationWording.For(NotificationKinds.DecisionUndone).Subject);
        var linked = mails.Select(m => ItemLink().Match(m.Message.TextBody ?? "")).ToList();
        Assert.All(linked, l => Assert.True(l.Success));
        Assert.Equal(items.Select(i => i.ItemId).Append(undone).Order(), linked.Select(l => int.Parse(l.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(mails, m => Assert.Contains($"{AppFixture.PublicBaseUrl}/checklist/items/", m.Message.HtmlBody));
        Assert.All(mails, m =>
        {
            var whole = m.Message.ToString();
            Assert.DoesNotContain(JordanNoteTitle, whole);
            Assert.DoesNotContain(JordanNoteText, whole);
        });

        // The link leads back into the app, to the item.
        await GotoAsync(jordan, linked[0].Value.Replace(AppFixture.PublicBaseUrl, "", StringComparison.Ordinal));
        await Expect(jordan.GetByTestId("status-chip").First).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(jordan, "checklist-item-from-email");
    }

    private const string JordanNoteTitle = "Quantised the ranking model for the edge gateway";
    private const string JordanNoteText = "Private detail: latency fell from 41 ms to 12 ms on the gateway benchmark.";

    /// <summary>Jordan rates three statements he had not started, backs them with one note and submits them (through the use cases, as the UI would).</summary>
    private async Task<IReadOnlyList<ItemSaved>> JordanSubmitsThreeItemsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var jordan = await ActorAsync(JordanKim);
        var gap = await app.Services.GetRequiredService<GetGap>().HandleAsync(jordan, new GetGapRequest(), ct);
        var statements = gap.Areas.SelectMany(a => a.Statements).Where(s => s.State == GapState.NotStarted).Take(3).Select(s => s.StatementId).ToList();
        await app.Services.GetRequiredService<AddNoteEvidence>().HandleAsync(jordan,
            new AddNoteEvidenceRequest(new EvidenceDetails(JordanNoteTitle, DateOnly.FromDateTime(DateTime.UtcNow), null), JordanNoteText, statements), ct);
        var rated = new List<ItemSaved>();
        foreach (var statement in statements)
        {
            rated.Add(await app.Services.GetRequiredService<RateStatement>().HandleAsync(jordan, new RateStatementRequest(statement, SelfRating.Practising, null, null), ct));
        }

        return await app.Services.GetRequiredService<SubmitItems>().HandleAsync(jordan, new SubmitItemsRequest(rated.Select(r => new ItemRef(r.ItemId, r.Version)).ToList()), ct);
    }

    /// <summary>Waits (up to a minute) until the fixture's SMTP server holds <paramref name="count"/> messages to the address, and returns them.</summary>
    private async Task<List<(IReadOnlyList<string> To, MimeMessage Message)>> MailToAsync(string address, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var mails = app.Mail.Received.Where(m => m.To.Contains(address)).ToList();
            if (mails.Count >= count || timeout.IsCancellationRequested)
            {
                return mails;
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private async Task<int> IdOfAsync(string email) =>
        (await app.Services.GetRequiredService<SignInDirectory>().ListAsync(TestContext.Current.CancellationToken)).Single(p => p.Email == email).Id;

    private async Task<Actor> ActorAsync(string email) =>
        (await app.Services.GetRequiredService<SignInDirectory>().FindAsync(await IdOfAsync(email)))!;

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

    [GeneratedRegex(@"https://growth\.vaarst\.test/checklist/items/(\d+)")]
    private static partial Regex ItemLink();
}
