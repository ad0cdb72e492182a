using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Journeys;

/// <summary>
/// One statement of Alex Morgan's, from the first rating to a calibration outcome, through every role, on a fresh demo
/// organisation: evidence, review with a request for changes, sign-off, the gap view moving, a framework import that
/// changes the statement's text, re-confirmation, and a blind calibration. Every page visited is checked with axe-core
/// and screenshotted; the engineer's submit and the manager's sign-off are done with the keyboard only.
/// </summary>
public sealed partial class WholeJourneyBrowserTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const string Alex = "alex.morgan@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";

    // Alex has no item on this statement in the demo organisation (AI Strategy, the first statement of the All section's area).
    private const string Statement = "I understand the reasoning behind my team’s decisions, both in terms of the needs of a project and to deliver high-level goals in Vaarst's AI strategy.";
    private const string RevisedStatement = "I understand and can explain the reasoning behind my team’s decisions, both in terms of the needs of a project and to deliver high-level goals in Vaarst's AI strategy.";

    /// <summary>A 1×1 PNG: real magic bytes, so the upload passes the content check.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly List<string> _violations = [];
    private bool _signInChecked;
    private readonly string _temp = Directory.CreateTempSubdirectory("vaarst-journey-").FullName;

    [Fact]
    public async Task Journey_engineer_manager_administrator_and_panel_take_one_statement_from_rating_to_calibration_outcome()
    {
        Axe.AssertInstalled();

        // 0. Alex's gap view before anything happens.
        var alex = await SignedInAsync(Alex);
        await VisitAsync(alex, "/gap", "00-engineer-gap-before");
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "My gap to Level 4", Level = 1 })).ToBeVisibleAsync();
        var overallBefore = await SignedOffAsync(alex.Locator("#gap-summary"));
        var areaBefore = await SignedOffAsync(alex.GetByTestId("gap-area-ai-strategy").GetByText(new Regex(@"^\d+ of \d+ signed off")));
        var readinessBefore = await ReadinessAsync(alex);

        // 1. Alex rates the statement, adds a link, a file and a note to it, and submits it with the keyboard only.
        await VisitAsync(alex, "/checklist", "01-engineer-checklist");
        var row = alex.GetByTestId("area-ai-strategy").Locator("[data-testid^='statement-']").Filter(new() { HasText = Statement });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToHaveCountAsync(0);
        var statementId = (await row.GetAttributeAsync("data-testid"))!["statement-".Length..];
        row = alex.GetByTestId($"statement-{statementId}");
        await RateAsync(alex, row, "Practising");

        var dialog = await AddEvidenceAsync(alex, row, statementId);
        await dialog.GetByTestId("evidence-title").FillAsync("Design review: choosing on-device inference for the weld classifier");
        await dialog.GetByTestId("evidence-url").FillAsync("https://github.com/vaarst-demo/weld-inspection/pull/57");
        await Expect(dialog.GetByText("Recognised as: GitHub pull request")).ToBeVisibleAsync();
        await SaveAsync(alex, dialog);
        await Expect(row.GetByTestId("evidence-count")).ToContainTextAsync("1 evidence");

        var file = Path.Combine(_temp, "strategy-roadmap.png");
        await File.WriteAllBytesAsync(file, Png, TestContext.Current.CancellationToken);
        dialog = await AddEvidenceAsync(alex, row, statementId);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "File", Exact = true }).ClickAsync();
        await dialog.GetByTestId("evidence-file").SetInputFilesAsync(file);
        await Expect(dialog.GetByText("strategy-roadmap.png ·")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("evidence-title")).ToHaveValueAsync("strategy-roadmap");
        await SaveAsync(alex, dialog);
        await Expect(row.GetByTestId("evidence-count")).ToContainTextAsync("2 evidence");

        dialog = await AddEvidenceAsync(alex, row, statementId);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Note", Exact = true }).ClickAsync();
        await dialog.GetByTestId("evidence-title").FillAsync("Why we moved inference to the edge");
        await dialog.GetByTestId("evidence-note").FillAsync("The **latency budget** of the ROV link ruled out cloud inference; I wrote up the trade-offs for the team.");
        await AppFixture.ScreenshotAsync(alex, "journey-01-engineer-note-dialog", fullPage: false);
        await SaveAsync(alex, dialog);
        await Expect(row.GetByTestId("evidence-count")).ToContainTextAsync("3 evidence");
        await CheckedAsync(alex, "01-engineer-checklist-with-evidence");

        var itemLink = row.GetByRole(AriaRole.Link, new() { Name = "Open" });
        var itemPath = (await itemLink.GetAttributeAsync("href"))!;
        var itemId = ItemPath().Match(itemPath).Groups[1].Value;
        await VisitAsync(alex, itemPath, "01-engineer-item-draft");
        await Expect(alex.Locator("h1")).ToHaveTextAsync(Statement);
        await Expect(EvidenceCard(alex, "Design review: choosing on-device inference for the weld classifier")).ToBeVisibleAsync();
        await Expect(alex.GetByRole(AriaRole.Link, new() { Name = "strategy-roadmap.png" })).ToBeVisibleAsync();
        await Expect(alex.GetByTestId("note-body").Locator("strong")).ToHaveTextAsync("latency budget");
        await PressWithKeyboardAsync(alex, alex.GetByTestId("item-submit"), "Enter");
        await Expect(alex.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await CheckedAsync(alex, "01-engineer-item-submitted");

        // 2. Priya finds it in her queue and asks for changes.
        var priya = await SignedInAsync(Priya);
        await VisitAsync(priya, "/reviews", "02-manager-queue");
        var entry = priya.GetByTestId($"queue-{itemId}");
        await Expect(entry).ToContainTextAsync("Alex Morgan");
        await Expect(entry).ToContainTextAsync(Statement);
        await entry.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews/items/{itemId}");
        await Expect(priya.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await Expect(EvidenceCard(priya, "Why we moved inference to the edge")).ToBeVisibleAsync();
        await CheckedAsync(priya, "02-manager-review-item");
        const string comment = "Good write-up. Please add the decision record you presented to the AI guild as well.";
        await priya.GetByTestId("decision-comment").FillAsync(comment);
        await priya.GetByTestId("decide-request-changes").ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");
        await Expect(priya.GetByTestId($"queue-{itemId}")).ToHaveCountAsync(0);

        // 3. Alex reads the comment, adds the decision record and resubmits.
        await VisitAsync(alex, "/checklist", "03-engineer-checklist-changes-requested");
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Changes requested");
        await Expect(row.Locator(".review-comment")).ToContainTextAsync(comment);
        dialog = await AddEvidenceAsync(alex, row, statementId);
        await dialog.GetByTestId("evidence-title").FillAsync("Decision record: edge-first inference (AI guild)");
        await dialog.GetByTestId("evidence-url").FillAsync("https://docs.google.com/document/d/1demoEdgeFirstDecision/edit");
        await SaveAsync(alex, dialog);
        await Expect(row.GetByTestId("evidence-count")).ToContainTextAsync("4 evidence");
        await VisitAsync(alex, itemPath, "03-engineer-item-changes-requested");
        await Expect(alex.Locator(".item-history")).ToContainTextAsync(comment);
        await alex.GetByRole(AriaRole.Button, new() { Name = "Resubmit for review" }).ClickAsync();
        await Expect(alex.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");

        // 4. Priya signs it off with the keyboard only.
        await VisitAsync(priya, $"/reviews/items/{itemId}", "04-manager-review-resubmitted");
        await Expect(EvidenceCard(priya, "Decision record: edge-first inference (AI guild)")).ToBeVisibleAsync();
        await PressWithKeyboardAsync(priya, priya.GetByTestId("decide-sign-off"), "Space");
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");
        await Expect(priya.GetByTestId($"queue-{itemId}")).ToHaveCountAsync(0);
        await CheckedAsync(priya, "04-manager-queue-after-sign-off");

        // 5. Alex's gap view has moved by one signed-off statement.
        await VisitAsync(alex, "/gap", "05-engineer-gap-after");
        await Expect(alex.Locator("#gap-summary")).ToHaveTextAsync($"{overallBefore.SignedOff + 1} of {overallBefore.Applicable} applicable statements signed off");
        await Expect(alex.GetByTestId("gap-area-ai-strategy")).ToContainTextAsync($"{areaBefore.SignedOff + 1} of {areaBefore.Applicable} signed off");
        Assert.True(await ReadinessAsync(alex) > readinessBefore, $"Readiness should rise above {readinessBefore}% after a sign-off.");

        // 6. Nia imports a framework page in which the statement's text changed: Alex's sign-off needs re-confirmation.
        var page = await File.ReadAllTextAsync(RepositoryRoot.Combine(Path.Combine("seed-content", "careerframework", "mlengineer", "level4.md")), TestContext.Current.CancellationToken);
        Assert.Contains(Statement, page);
        var updated = Path.Combine(_temp, "level4.md");
        await File.WriteAllTextAsync(updated, page.Replace(Statement, RevisedStatement), TestContext.Current.CancellationToken);
        var nia = await SignedInAsync(Nia);
        await VisitAsync(nia, "/admin/framework/import", "06-admin-import");
        await nia.Locator("input[type=file]").SetInputFilesAsync(updated);
        await Expect(nia.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "I understand and can explain the reasoning" })).ToBeVisibleAsync();
        await Expect(nia.GetByText("1 signed-off item(s) will need re-confirmation.")).ToBeVisibleAsync();
        await CheckedAsync(nia, "06-admin-import-preview");
        await nia.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(nia.GetByTestId("import-result")).ToContainTextAsync(new Regex(@"Imported as framework version \d+: 1 change\(s\), 1 item\(s\) flagged for re-confirmation"));
        await CheckedAsync(nia, "06-admin-imported");

        await VisitAsync(alex, "/checklist", "06-engineer-checklist-needs-reconfirmation");
        await Expect(row).ToContainTextAsync(RevisedStatement);
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Needs re-confirmation");
        await Expect(row.GetByText("The statement's text changed in framework version")).ToBeVisibleAsync();

        // 7. Priya re-confirms it from her queue.
        await VisitAsync(priya, "/reviews", "07-manager-queue-reconfirmation");
        await entry.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(priya.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await Expect(priya.Locator("h1")).ToHaveTextAsync(RevisedStatement);
        await Expect(priya.GetByText("Needs re-confirmation: The statement's text changed in framework version")).ToBeVisibleAsync();
        await CheckedAsync(priya, "07-manager-review-reconfirm");
        await priya.GetByTestId("decide-reconfirm").ClickAsync();
        await Expect(priya).ToHaveURLAsync($"{app.BaseUrl}/reviews");

        await VisitAsync(alex, "/checklist", "07-engineer-checklist-reconfirmed");
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Signed off");
        await Expect(row.GetByText("The statement's text changed")).ToHaveCountAsync(0);

        // 8. Calibration: Nia sets up a blind session, Priya nominates Alex, Dana reads blind and writes a pre-read,
        // Morgan (the chair) decides and closes.
        const string sessionName = "Level 4 promotions, journey";
        const string rationale = "Signed-off evidence across ML Ops, ML and AI Strategy, re-confirmed after the framework changed.";
        await VisitAsync(nia, "/calibration", "08-admin-sessions");
        await nia.GetByTestId("new-session").ClickAsync();
        dialog = nia.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("session-create")).ToBeVisibleAsync();
        await dialog.GetByTestId("session-name").FillAsync(sessionName);
        await dialog.GetByTestId($"panel-{Morgan}").CheckAsync();
        await dialog.GetByTestId($"panel-{Dana}").CheckAsync();
        await ChooseAsync(nia, dialog.Locator(".mud-select"), "Morgan Ellis");
        await Expect(dialog.GetByRole(AriaRole.Switch)).ToBeCheckedAsync();
        await dialog.GetByTestId("session-create").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var sessionCard = nia.Locator("[data-testid^='session-card-']", new() { HasText = sessionName });
        await Expect(sessionCard.GetByTestId("session-state")).ToHaveTextAsync("Open for nomination");
        var sessionId = (await sessionCard.GetAttributeAsync("data-testid"))!["session-card-".Length..];
        await CheckedAsync(nia, "08-admin-session-created");

        await VisitAsync(priya, "/calibration", "08-manager-sessions");
        var managerCard = priya.Locator("[data-testid^='session-card-']", new() { HasText = sessionName });
        await managerCard.GetByTestId("nominate").ClickAsync();
        dialog = priya.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("nominate-save")).ToBeVisibleAsync();
        await ChooseAsync(priya, dialog.Locator(".mud-select"), "Alex Morgan");
        await dialog.GetByTestId("nominate-statement").FillAsync("Leads the team's ML Ops practice and explains our AI strategy to new joiners; ready for Level 4.");
        await dialog.GetByTestId("nominate-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(managerCard.GetByTestId("my-nominees")).ToContainTextAsync("Alex Morgan");
        await CheckedAsync(priya, "08-manager-nominated");

        var chair = await SignedInAsync(Morgan);
        await VisitAsync(chair, $"/calibration/{sessionId}", "08-chair-session");
        await chair.GetByTestId("start-session").ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("In session");

        var member = await SignedInAsync(Dana);
        await VisitAsync(member, $"/calibration/{sessionId}/compare", "08-panel-comparison");
        await Expect(member.GetByTestId("column-link")).ToHaveTextAsync(["Candidate A"]);
        await AssertBlindAsync(member);
        await VisitAsync(member, $"/calibration/{sessionId}", "08-panel-session");
        var memberCard = member.Locator("[data-testid^='candidate-card-']");
        await Expect(memberCard).ToHaveCountAsync(1);
        await Expect(memberCard.GetByTestId("card-label")).ToHaveTextAsync("Candidate A");
        var preRead = memberCard.GetByTestId("preread-form");
        await preRead.GetByText("Promote", new() { Exact = true }).ClickAsync();
        await preRead.GetByTestId("preread-note").FillAsync("Evidence is recent, reviewed and re-confirmed; promote.");
        await preRead.GetByTestId("preread-submit").ClickAsync();
        await Expect(memberCard.GetByTestId("preread-submit")).ToHaveTextAsync("Update my pre-read");
        await AssertBlindAsync(member);
        await CheckedAsync(member, "08-panel-pre-read");

        await VisitAsync(chair, $"/calibration/{sessionId}", "08-chair-session-in-progress");
        var chairCard = chair.Locator("[data-testid^='candidate-card-']");
        await Expect(chairCard.GetByTestId("prereads-hidden")).ToContainTextAsync("1 pre-read submitted");
        var decision = chairCard.GetByTestId("decision-form");
        await decision.GetByText("Promote", new() { Exact = true }).ClickAsync();
        await decision.GetByTestId("decision-rationale").FillAsync(rationale);
        await decision.GetByTestId("decision-save").ClickAsync();
        await Expect(chairCard.GetByTestId("decision")).ToContainTextAsync(rationale);
        await chair.GetByTestId("close-session").ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("Closed");
        await AssertBlindAsync(chair);
        await CheckedAsync(chair, "08-chair-session-closed");

        // 9. Alex reads the outcome.
        await VisitAsync(alex, "/calibration/outcomes", "09-engineer-outcomes");
        var outcome = alex.GetByTestId("outcome");
        await Expect(outcome).ToHaveCountAsync(1);
        await Expect(outcome.GetByTestId("outcome-chip")).ToHaveTextAsync("Promote");
        await Expect(outcome.GetByTestId("outcome-rationale")).ToHaveTextAsync(rationale);
        await Expect(outcome).ToContainTextAsync(sessionName);

        // 10. A second ML Ops sign-off lifts Alex's cell to 2 of 3 (67 %), the range where white text on the scale's green
        // once failed contrast: Priya's team heatmap shows it and axe-core finds nothing serious there.
        await SignOffSecondMlOpsStatementAsync();
        await VisitAsync(priya, "/team/heatmap", "10-manager-heatmap-above-60");
        var alexRow = priya.GetByTestId("heatmap").Locator("tbody tr").Filter(new() { HasText = "Alex Morgan" });
        await Expect(alexRow.Locator("td[title^='2 of 3 signed off']")).ToHaveTextAsync("67%");

        Assert.True(_violations.Count == 0, "axe-core found serious or critical violations:" + Environment.NewLine + string.Join(Environment.NewLine, _violations));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>
    /// Through the app's own use cases (arranging, not the journey under test): Alex attaches his DVC evidence to ML Ops
    /// statement 2 (a draft in the demo organisation) and submits it; Priya signs it off on what she was shown.
    /// </summary>
    private async Task SignOffSecondMlOpsStatementAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = app.Services;
        int alexId, priyaId, itemId, statementId, evidenceId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(ct))
        {
            alexId = await db.People.Where(p => p.Email == Alex).Select(p => p.Id).SingleAsync(ct);
            priyaId = await db.People.Where(p => p.Email == Priya).Select(p => p.Id).SingleAsync(ct);
            var item = await db.ChecklistItems
                .Where(i => i.PersonId == alexId && i.Statement!.Area!.Anchor == "ml-ops" && i.Status == ItemStatus.Draft)
                .Select(i => new { i.Id, i.StatementId }).SingleAsync(ct);
            (itemId, statementId) = (item.Id, item.StatementId);
            evidenceId = await db.Evidence.Where(e => e.OwnerId == alexId && e.Title.StartsWith("DVC pipeline")).Select(e => e.Id).SingleAsync(ct);
        }

        var alex = new Actor(alexId, "Alex Morgan", Roles.Engineer);
        var priya = new Actor(priyaId, "Priya Raman", Roles.Manager);
        await services.GetRequiredService<AttachEvidence>().HandleAsync(alex, new AttachEvidenceRequest(evidenceId, [statementId]), ct);
        var draft = await services.GetRequiredService<GetItem>().HandleAsync(alex, itemId, ct);
        await services.GetRequiredService<SubmitItems>().HandleAsync(alex, new SubmitItemsRequest([new ItemRef(itemId, draft.Version)]), ct);
        var submitted = await services.GetRequiredService<GetItem>().HandleAsync(priya, itemId, ct);
        await services.GetRequiredService<SignOffItem>().HandleAsync(priya, new DecisionRequest(itemId, submitted.Version, null, submitted.EvidenceFingerprint), ct);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync(bypassCsp: true);
        if (!_signInChecked)
        {
            await page.GotoAsync("/account/dev-signin");
            await CheckedAsync(page, "00-sign-in");
            _signInChecked = true;
        }

        await app.SignInAsync(page, email);
        return page;
    }

    /// <summary>Opens a page, waits for it to be interactive and show its heading, then checks and screenshots it.</summary>
    private async Task VisitAsync(IPage page, string path, string name)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await CheckedAsync(page, name);
    }

    /// <summary>axe-core on the page as it is now, and a screenshot.</summary>
    private async Task CheckedAsync(IPage page, string name)
    {
        _violations.AddRange(await Axe.SeriousViolationsAsync(page, $"{name} ({new Uri(page.Url).AbsolutePath})"));
        await AppFixture.ScreenshotAsync(page, $"journey-{name}");
    }

    /// <summary>
    /// Reaches the control with Tab alone, checks that the focus ring shows on it, and operates it with
    /// <paramref name="key"/> (Enter or Space): no pointer involved.
    /// </summary>
    private static async Task PressWithKeyboardAsync(IPage page, ILocator control, string key)
    {
        await Expect(control).ToBeEnabledAsync();
        var reached = false;
        for (var presses = 0; presses < 80 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await control.EvaluateAsync<bool>("e => e === document.activeElement");
        }

        Assert.True(reached, $"{control} could not be reached with Tab on {page.Url}.");
        await Expect(control).ToBeFocusedAsync();
        var ring = await page.EvaluateAsync<string[]>("""
            () => {
                const style = getComputedStyle(document.activeElement);
                return [style.outlineStyle, style.outlineWidth, String(document.activeElement.matches(':focus-visible'))];
            }
            """);
        Assert.True(ring[0] != "none" && ring[1] != "0px" && ring[2] == "true",
            $"{control} has no visible focus ring on {page.Url}: outline {ring[0]} {ring[1]}, :focus-visible {ring[2]}.");
        await AppFixture.ScreenshotAsync(page, $"journey-keyboard-focus-{new Uri(page.Url).AbsolutePath.Trim('/')}", fullPage: false);
        await page.Keyboard.PressAsync(key);
    }

    private static ILocator EvidenceCard(IPage page, string title) => page.Locator("[data-testid^='evidence-']", new() { HasText = title });

    /// <summary>Chooses a rating in a row's rating select (a native one, named "My rating") and waits until it is saved.</summary>
    private static async Task RateAsync(IPage page, ILocator row, string rating)
    {
        await row.GetByLabel("My rating", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = rating });
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"Saved: {rating}" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToBeVisibleAsync();
    }

    /// <summary>Opens the row's evidence dialog; the row's statement is already ticked.</summary>
    private static async Task<ILocator> AddEvidenceAsync(IPage page, ILocator row, string statementId)
    {
        await row.GetByTestId("add-evidence").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("evidence-save")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId($"attach-{statementId}")).ToBeCheckedAsync();
        return dialog;
    }

    private static async Task SaveAsync(IPage page, ILocator dialog)
    {
        await dialog.GetByTestId("evidence-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("evidence-errors")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a MudSelect and picks the option whose text starts with <paramref name="option"/>.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>"3 of 10 … signed off" as shown on the gap view.</summary>
    private static async Task<(int SignedOff, int Applicable)> SignedOffAsync(ILocator text)
    {
        await Expect(text).ToHaveTextAsync(SignedOffText());
        var match = SignedOffText().Match(await text.InnerTextAsync());
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    private static async Task<int> ReadinessAsync(IPage page)
    {
        var figure = page.GetByTestId("gap-overall").Locator(".gap-overall-figure");
        await Expect(figure).ToHaveTextAsync(new Regex(@"^\d+%$"));
        return int.Parse((await figure.InnerTextAsync()).TrimEnd('%'));
    }

    /// <summary>On a blind session's pages, neither the text nor the HTML names the candidate or their manager.</summary>
    private static async Task AssertBlindAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var identity in new[] { "Alex Morgan", "alex.morgan@", "Priya Raman", "priya.raman@" })
        {
            Assert.False(text.Contains(identity, StringComparison.OrdinalIgnoreCase), $"{page.Url} shows \"{identity}\" in a blind session.");
            Assert.False(html.Contains(identity, StringComparison.OrdinalIgnoreCase), $"{page.Url} holds \"{identity}\" in its HTML in a blind session.");
        }
    }

    [GeneratedRegex(@"^/checklist/items/(\d+)$")]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"(\d+) of (\d+) (applicable statements )?signed off")]
    private static partial Regex SignedOffText();
}
