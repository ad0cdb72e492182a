using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Evidence;

/// <summary>
/// Issue #17's journey: Sam imports two merged pull requests from (the local fake) GitHub as evidence and asks Alex to
/// corroborate one; Alex confirms; Priya's review page shows the confirmation; a blind dossier shows it without the name.
/// </summary>
public sealed class CorroborationBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private const string AlexMorgan = "alex.morgan@vaarst.example";
    private const string PriyaRaman = "priya.raman@vaarst.example";
    private const string MorganEllis = "morgan.ellis@vaarst.example";

    [Fact]
    public async Task Imported_pull_request_is_corroborated_and_shown_to_the_manager_and_name_free_to_a_blind_panel()
    {
        // Sam connects GitHub, lists his work and imports two pull requests, each on a statement.
        var sam = await app.NewPageAsync();
        await app.SignInAsync(sam, SamLee);
        await sam.GotoAsync("/evidence/github");
        await AppFixture.WaitForInteractiveAsync(sam);
        await sam.GetByTestId("github-token").FillAsync(FakeGitHub.Token);
        await sam.GetByTestId("github-connect").ClickAsync();
        await Expect(sam.GetByTestId("github-login")).ToContainTextAsync("eda-edge");
        await Expect(sam.Locator("body")).Not.ToContainTextAsync(FakeGitHub.Token);
        await sam.GetByTestId("github-find").ClickAsync();
        await Expect(sam.Locator("[data-testid^=github-work-]")).ToHaveCountAsync(4);
        foreach (var index in new[] { 0, 2 })
        {
            var row = sam.GetByTestId($"github-work-{index}");
            await row.GetByTestId("github-pick").CheckAsync();
            await row.Locator($"input[data-testid^=github-{index}-attach-]").First.CheckAsync();
        }

        await AppFixture.ScreenshotAsync(sam, "github-import");
        await sam.GetByTestId("github-import").ClickAsync();
        await sam.WaitForURLAsync($"{app.BaseUrl}/evidence");
        var backfill = sam.Locator(".evidence-card", new() { HasText = "Backfill job for the defect features" });
        await Expect(backfill.GetByTestId("provenance")).ToContainTextAsync("imported from GitHub · vaarst-demo/feature-store");
        await Expect(sam.Locator(".evidence-card", new() { HasText = "Benchmark harness for ONNX Runtime" })).ToBeVisibleAsync();

        // Sam asks Alex (a colleague, not his manager) to corroborate the backfill job.
        await backfill.GetByTestId("ask-corroboration").ClickAsync();
        await sam.GetByTestId("corroboration-colleague").FillAsync("Alex");
        await sam.GetByRole(AriaRole.Option, new() { Name = "Alex Morgan" }).First.ClickAsync();
        // The pick has reached the server (its chip is drawn) before the question is typed: a render of the pick must not
        // arrive between the typing and the send.
        await Expect(sam.GetByTestId("corroboration-chosen")).ToContainTextAsync("Alex Morgan");
        await sam.GetByTestId("corroboration-question").FillAsync("Can you confirm I wrote the backfill job?");
        await Expect(sam.GetByTestId("corroboration-question")).ToHaveValueAsync("Can you confirm I wrote the backfill job?");
        await sam.GetByTestId("corroboration-ask").ClickAsync();
        await Expect(sam.GetByTestId("corroboration-ask")).ToHaveCountAsync(0);
        var itemLink = await backfill.Locator("a[href^='/checklist/items/']").First.GetAttributeAsync("href");
        var itemId = itemLink!.Split('/').Last();

        // Alex confirms from the request's page.
        var alex = await app.NewPageAsync();
        await app.SignInAsync(alex, AlexMorgan);
        await alex.GotoAsync("/corroborations");
        await AppFixture.WaitForInteractiveAsync(alex);
        await alex.GetByRole(AriaRole.Link, new() { NameRegex = new("Backfill job") }).ClickAsync();
        await Expect(alex.GetByTestId("corroboration-question")).ToContainTextAsync("Can you confirm I wrote the backfill job?");
        await alex.GetByTestId("corroboration-note").FillAsync("I reviewed it and saw Sam run the backfill.");
        await alex.GetByTestId("corroboration-confirm").ClickAsync();
        await Expect(alex.GetByTestId("corroboration-answered")).ToContainTextAsync("You confirmed this evidence");
        await AppFixture.ScreenshotAsync(alex, "corroboration-colleague");

        // Priya, Sam's manager, sees who vouched for it on the review page.
        var priya = await app.NewPageAsync();
        await app.SignInAsync(priya, PriyaRaman);
        await priya.GotoAsync($"/reviews/items/{itemId}");
        await AppFixture.WaitForInteractiveAsync(priya);
        var reviewed = priya.Locator(".evidence-card", new() { HasText = "Backfill job for the defect features" });
        await Expect(reviewed.GetByTestId("corroborations")).ToContainTextAsync("corroborated by 1 · disputed by 0");
        await Expect(reviewed.GetByTestId("corroboration")).ToContainTextAsync("Alex Morgan confirmed");
        await Expect(reviewed.GetByTestId("provenance")).ToContainTextAsync("imported from GitHub");
        await AppFixture.ScreenshotAsync(priya, "corroboration-review");

        // A blind panel reads the confirmation without Alex's name.
        var (_, nominationId) = await DemoCalibrationSession.EnsureAsync(app);
        var morgan = await app.NewPageAsync();
        await app.SignInAsync(morgan, MorganEllis);
        await morgan.GotoAsync($"/calibration/candidates/{nominationId}");
        await AppFixture.WaitForInteractiveAsync(morgan);
        var dossier = morgan.Locator(".evidence-card", new() { HasText = "Backfill job for the defect features" });
        await Expect(dossier.GetByTestId("corroboration")).ToContainTextAsync("A colleague");
        await Expect(dossier.GetByTestId("corroboration")).ToContainTextAsync("confirmed");
        await Expect(morgan.Locator("body")).Not.ToContainTextAsync("Alex Morgan");
        await AppFixture.ScreenshotAsync(morgan, "corroboration-blind-dossier");
    }
}
