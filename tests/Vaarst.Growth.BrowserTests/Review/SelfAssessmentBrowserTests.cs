using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Review;

/// <summary>
/// The engineer's self-assessment in Chromium. Each test signs in a different demo engineer, so the tests do not
/// depend on each other's changes to the shared database.
/// </summary>
public sealed partial class SelfAssessmentBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string CaseyNovak = "casey.novak@vaarst.example";
    private const string AlexMorgan = "alex.morgan@vaarst.example";
    private const int Phone = 390;
    private const int Desktop = 1280;
    private static readonly int[] Widths = [Desktop, Phone];

    private const string XssNote = """
        Results of the **latency** run.

        <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>[x](javascript:window.__pwned=1)
        """;

    [Fact]
    public async Task SelfAssessment_engineer_rates_adds_link_file_and_note_attaches_the_note_to_two_statements_and_submits_both()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, SamLee);
        await OpenAsync(page, "/checklist");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My checklist", Level = 1 })).ToBeVisibleAsync();

        // Two statements Sam has not touched yet (no item, so no "Open" link).
        var untouched = page.GetByTestId("area-edge-computing").Locator("[data-testid^='statement-']")
            .Filter(new() { HasNot = page.GetByRole(AriaRole.Link, new() { Name = "Open" }) });
        var first = page.GetByTestId((await untouched.Nth(0).GetAttributeAsync("data-testid"))!);
        var second = page.GetByTestId((await untouched.Nth(1).GetAttributeAsync("data-testid"))!);
        var firstId = StatementIdOf(await first.GetAttributeAsync("data-testid"));
        var secondId = StatementIdOf(await second.GetAttributeAsync("data-testid"));

        await RateAsync(page, first, "Practising");
        await RateAsync(page, second, "Learning");

        // A link for the first statement.
        await first.GetByTestId("add-evidence").ClickAsync();
        var dialog = await DialogAsync(page);
        await dialog.GetByTestId("evidence-title").FillAsync("TensorRT INT8 calibration pull request");
        await dialog.GetByTestId("evidence-url").FillAsync("https://github.com/vaarst-demo/edge-inspection/pull/91");
        await Expect(dialog.GetByText("Recognised as: GitHub pull request")).ToBeVisibleAsync();
        await SaveAsync(page, dialog);
        await Expect(first.GetByTestId("evidence-count")).ToContainTextAsync("1 evidence");

        // A file for the second statement.
        await second.GetByTestId("add-evidence").ClickAsync();
        dialog = await DialogAsync(page);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "File", Exact = true }).ClickAsync();
        await dialog.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload
        {
            Name = "latency-benchmark.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await Expect(dialog.GetByText("latency-benchmark.pdf ·")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("evidence-title")).ToHaveValueAsync("latency-benchmark");
        await SaveAsync(page, dialog);
        await Expect(second.GetByTestId("evidence-count")).ToContainTextAsync("1 evidence");

        // A note for the first statement, also ticked for the second.
        await first.GetByTestId("add-evidence").ClickAsync();
        dialog = await DialogAsync(page);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Note", Exact = true }).ClickAsync();
        await dialog.GetByTestId("evidence-title").FillAsync("Profiling notes for the Orin port");
        await dialog.GetByTestId("evidence-note").FillAsync("Profiled with **Nsight Systems**; the pre-processing kernel was the bottleneck.");
        await Expect(dialog.GetByTestId($"attach-{firstId}")).ToBeCheckedAsync();
        await dialog.GetByTestId($"attach-{secondId}").CheckAsync();
        await AppFixture.ScreenshotAsync(page, "evidence-dialog-note", fullPage: false);
        await SaveAsync(page, dialog);
        await Expect(first.GetByTestId("evidence-count")).ToContainTextAsync("2 evidence");
        await Expect(second.GetByTestId("evidence-count")).ToContainTextAsync("2 evidence");

        // Submit both at once.
        await first.GetByTestId("select-item").CheckAsync();
        await second.GetByTestId("select-item").CheckAsync();
        var submit = page.GetByTestId("submit-selected");
        await Expect(submit).ToHaveTextAsync("Submit 2 selected for review");
        await submit.ClickAsync();

        await Expect(page.GetByText("2 items submitted for review")).ToBeVisibleAsync();
        await Expect(first.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await Expect(second.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await Expect(first.GetByTestId("add-evidence")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "checklist-after-submit");

        // The library shows the note supporting both statements.
        await OpenAsync(page, "/evidence");
        var note = page.Locator("[data-testid^='evidence-']", new() { HasText = "Profiling notes for the Orin port" });
        await Expect(note.Locator(".evidence-supports .mud-chip")).ToHaveCountAsync(2);
        await Expect(note.GetByTestId("note-body").Locator("strong")).ToHaveTextAsync("Nsight Systems");

        // The item page shows the submission in its history.
        await OpenAsync(page, "/checklist");
        await first.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemUrl());
        // In-circuit navigation: the address changes first, the item page replaces the checklist when it has loaded.
        await Expect(page.GetByTestId("status-chip")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator(".item-history")).ToContainTextAsync("ubmitted");
        await Expect(page.GetByText("latency-benchmark.pdf")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid^='evidence-']", new() { HasText = "TensorRT INT8 calibration pull request" })).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "item-submitted");
    }

    [Fact]
    public async Task SelfAssessment_note_with_script_img_onerror_and_javascript_link_runs_nothing_where_it_is_shown()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, CaseyNovak);
        await OpenAsync(page, "/evidence");

        await page.GetByTestId("library-add").ClickAsync();
        var dialog = await DialogAsync(page);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Note", Exact = true }).ClickAsync();
        await dialog.GetByTestId("evidence-title").FillAsync("Hostile note");
        await dialog.GetByTestId("evidence-note").FillAsync(XssNote);
        await dialog.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(dialog.Locator(".note-preview strong")).ToHaveTextAsync("latency");
        await AssertNotPwnedAsync(page);
        await dialog.Locator("[data-testid^='attach-']").First.CheckAsync();
        await SaveAsync(page, dialog);

        var card = page.Locator("[data-testid^='evidence-']", new() { HasText = "Hostile note" });
        await Expect(card.GetByTestId("note-body").Locator("strong")).ToHaveTextAsync("latency");
        await Expect(card.GetByTestId("note-body").Locator("script, [onerror], a[href^='javascript']")).ToHaveCountAsync(0);
        await AssertNotPwnedAsync(page);

        // A fresh load renders the note on the server first, then in the circuit.
        await page.ReloadAsync();
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(card.GetByTestId("note-body")).ToBeVisibleAsync();
        await AssertNotPwnedAsync(page);

        await card.Locator(".evidence-supports .mud-chip").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemUrl());
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("note-body")).ToContainTextAsync("latency");
        await AssertNotPwnedAsync(page);
        await page.ReloadAsync();
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("note-body")).ToContainTextAsync("latency");
        await AssertNotPwnedAsync(page);
    }

    /// <summary>
    /// Each page is checked at desktop width and resized in place to the phone's (<see cref="PageChecks.ResizeAsync"/>);
    /// the evidence dialog is opened and cancelled at each width, and the item is opened from the checklist at phone
    /// width (at desktop width the first test of this class does that).
    /// </summary>
    [Fact]
    public async Task SelfAssessment_pages_and_the_evidence_dialog_fit_the_screen()
    {
        var page = await app.NewPageAsync(Desktop);
        await app.SignInAsync(page, AlexMorgan);

        await OpenAsync(page, "/checklist");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.GetByTestId("area-ml-ops")).ToBeVisibleAsync();
            await VisitedAsync(page, "checklist");
        }

        await PageChecks.ResizeAsync(page, Desktop);
        await OpenAsync(page, "/evidence");
        foreach (var width in Widths)
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.GetByText("DVC pipeline for the defect-detection dataset")).ToBeVisibleAsync();
            await VisitedAsync(page, "evidence");

            await page.GetByTestId("library-add").ClickAsync();
            var dialog = await DialogAsync(page);
            await dialog.GetByTestId("evidence-url").FillAsync("https://mlflow.vaarst.example/#/experiments/3/runs/9");
            await VisitedAsync(page, "evidence-dialog", fullPage: false);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        }

        // The signed-off ML Ops item has a review comment and a history.
        await OpenAsync(page, "/checklist");
        await page.GetByTestId("area-ml-ops").GetByRole(AriaRole.Link, new() { Name = "Open" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemUrl());
        foreach (var width in new[] { Phone, Desktop })
        {
            await PageChecks.ResizeAsync(page, width);
            await Expect(page.Locator(".item-history")).ToBeVisibleAsync();
            await VisitedAsync(page, "item");
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
    }

    /// <summary>Chooses a rating in a row's rating select (a native one, named "My rating") and waits until it is saved.</summary>
    private static async Task RateAsync(IPage page, ILocator row, string rating)
    {
        await row.GetByLabel("My rating", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = rating });
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"Saved: {rating}" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToBeVisibleAsync();
    }

    private static async Task<ILocator> DialogAsync(IPage page)
    {
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("evidence-save")).ToBeVisibleAsync();
        return dialog;
    }

    private static async Task SaveAsync(IPage page, ILocator dialog)
    {
        await dialog.GetByTestId("evidence-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("evidence-errors")).ToHaveCountAsync(0);
    }

    private static async Task AssertNotPwnedAsync(IPage page) =>
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));

    private static async Task VisitedAsync(IPage page, string name, bool fullPage = true)
    {
        await AppFixture.ScreenshotAsync(page, name, fullPage);
        if (page.ViewportSize?.Width <= Phone)
        {
            await PageChecks.AssertNoHorizontalScrollAsync(page);
        }
    }

    private static int StatementIdOf(string? testId) => int.Parse(testId!["statement-".Length..]);

    [GeneratedRegex(@"/checklist/items/\d+$")]
    private static partial Regex ItemUrl();
}
