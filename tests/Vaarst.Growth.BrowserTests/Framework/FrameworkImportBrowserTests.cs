using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Framework;

/// <summary>
/// The administrator's import from the browser. Its own app (not <see cref="FrameworkBrowserTests"/>'), because it
/// changes a statement other tests read word for word.
/// </summary>
public sealed partial class FrameworkImportBrowserTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const string NiaAdeyemi = "nia.adeyemi@vaarst.example";
    private const string Benchmarking = "I can to write performance/benchmarking code and analyse the results.";
    private const int Phone = 390;
    private const int Desktop = 1280;

    private readonly DirectoryInfo _uploads = Directory.CreateTempSubdirectory("vaarst-growth-import-");

    /// <summary>
    /// The whole import at desktop width, then again at the phone's in the same signed-in tab, resized in place
    /// (<see cref="PageChecks.ResizeAsync"/>); a new tab and sign-in per width proved nothing more.
    /// </summary>
    [Fact]
    public async Task Import_administrator_uploads_an_edited_page_previews_the_change_and_imports_it()
    {
        var page = await app.NewPageAsync(Desktop);
        await app.SignInAsync(page, NiaAdeyemi);
        foreach (var width in new[] { Desktop, Phone })
        {
            await PageChecks.ResizeAsync(page, width);
            await ImportsAnEditedPageAsync(page, width);
        }
    }

    private async Task ImportsAnEditedPageAsync(IPage page, int width)
    {
        // Each width edits the statement differently, so the second run is a change against the first.
        // Short enough that the change line quotes it whole (longer texts are shortened with "...").
        var edited = $"I can write benchmarking code and analyse the results ({width} px).";
        var file = Path.Combine(_uploads.FullName, "level4.md");
        var seed = await File.ReadAllTextAsync(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"), TestContext.Current.CancellationToken);
        Assert.Contains(Benchmarking, seed);
        await File.WriteAllTextAsync(file, seed.Replace(Benchmarking, edited), TestContext.Current.CancellationToken);

        if (width > Phone)
        {
            await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Framework import", Exact = true }).ClickAsync();
        }
        else
        {
            // The phone's drawer opens and closes as the layout measures the screen; the link is proven at desktop width.
            await page.GotoAsync("/admin/framework/import");
            await AppFixture.WaitForInteractiveAsync(page);
        }

        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin/framework/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import framework pages", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Import framework pages"));
        var history = page.GetByTestId("import-history").Locator("tbody tr");
        await Expect(history.First).ToBeVisibleAsync();
        var versionsBefore = await history.CountAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose Markdown files" })).ToBeEnabledAsync();
        await VisitedAsync(page, "framework-import");

        await page.SetInputFilesAsync("input[type=file]", file);

        var change = page.GetByTestId("import-change");
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("statement changed");
        await Expect(change).ToContainTextAsync(edited);
        await Expect(page.GetByTestId("import-flag-count")).ToHaveTextAsync(FlagCount());
        await Expect(history).ToHaveCountAsync(versionsBefore);
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });
        await Expect(import).ToBeEnabledAsync();
        await VisitedAsync(page, "framework-import-preview");

        await import.ClickAsync();

        await Expect(page.GetByTestId("import-result")).ToContainTextAsync(new Regex(@"Imported as framework version \d+: 1 change\(s\), \d+ item\(s\) flagged for re-confirmation\."));
        await Expect(page.GetByTestId("import-preview")).ToHaveCountAsync(0);
        await Expect(history).ToHaveCountAsync(versionsBefore + 1);
        await Expect(history.First).ToContainTextAsync("Nia Adeyemi");
        await Expect(history.First).ToContainTextAsync("Upload: level4.md");
        await VisitedAsync(page, "framework-import-done");
    }

    [Fact]
    public async Task Import_of_a_malformed_page_lists_its_problems_and_cannot_be_applied()
    {
        var file = Path.Combine(_uploads.FullName, "level5.md");
        var seed = await File.ReadAllTextAsync(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(file, seed.Replace("title: Level 4 (Mid)", "title: Senior"), TestContext.Current.CancellationToken);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, NiaAdeyemi);
        await page.GotoAsync("/admin/framework/import");
        await AppFixture.WaitForInteractiveAsync(page);

        await page.SetInputFilesAsync("input[type=file]", file);

        await Expect(page.GetByTestId("import-problem").First).ToContainTextAsync("level5.md:3: The title 'Senior' must look like 'Level 4 (Mid)'");
        await Expect(page.GetByTestId("import-problems")).ToContainTextAsync("nothing can be imported until they are fixed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToBeDisabledAsync();
        await AppFixture.ScreenshotAsync(page, "framework-import-problems");
    }

    public void Dispose() => _uploads.Delete(recursive: true);

    private static async Task VisitedAsync(IPage page, string name)
    {
        await AppFixture.ScreenshotAsync(page, name);
        if (page.ViewportSize?.Width <= Phone)
        {
            await PageChecks.AssertNoHorizontalScrollAsync(page);
        }
    }

    [GeneratedRegex(@"^\s*\d+ signed-off item\(s\) will need re-confirmation\.\s*$")]
    private static partial Regex FlagCount();
}
