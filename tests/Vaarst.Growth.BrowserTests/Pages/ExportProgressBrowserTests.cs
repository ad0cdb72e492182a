using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Pages;

/// <summary>
/// Export buttons say they are working while the server prepares the file (wwwroot/js/downloads.js), then hand the
/// file to the browser as a normal download.
/// </summary>
public sealed class ExportProgressBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Audit_export_shows_progress_until_the_download_starts()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "nia.adeyemi@vaarst.example");
        await page.GotoAsync("/admin/audit");
        await AppFixture.WaitForInteractiveAsync(page);

        // Hold the server's answer so the busy state can be seen for certain, however fast the export is.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/admin/audit/export**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var export = page.GetByTestId("audit-export");
        await export.ClickAsync();
        await Expect(export).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator(".download-status")).ToHaveTextAsync("Preparing the download…");
        await AppFixture.ScreenshotAsync(page, "export-audit-busy", fullPage: false);
        Assert.Equal("/admin/audit", new Uri(page.Url).AbsolutePath);

        var download = page.WaitForDownloadAsync();
        release.SetResult();
        var file = await download;

        Assert.Matches(@"^vaarst-growth-audit-\d{8}-\d{4}\.csv$", file.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await file.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("Sam Lee", text);
        await Expect(export).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator(".download-status")).ToHaveTextAsync("Download started.");
    }

    [Fact]
    public async Task Export_the_server_refuses_shows_the_servers_answer()
    {
        // Say the session expired or the role changed since the page loaded: the browser shows the server's answer
        // instead of the button failing silently.
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "nia.adeyemi@vaarst.example");
        await page.GotoAsync("/admin/people");
        await AppFixture.WaitForInteractiveAsync(page);
        await page.RouteAsync("**/admin/people/export.csv", route => route.FulfillAsync(new() { Status = 403, Body = "Forbidden" }));

        await page.GetByTestId("directory-export").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/people/export.csv$"));
    }
}
