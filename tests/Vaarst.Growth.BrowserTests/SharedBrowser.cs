using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Vaarst.Growth.BrowserTests.SharedBrowser))]

namespace Vaarst.Growth.BrowserTests;

/// <summary>
/// The run's one headless Chromium (and its Playwright driver), started before the first test class and closed after
/// the last. Every test opens its own browser context in it (no cookies or storage shared); starting a Chromium per
/// class cost each class a driver and a browser start (docs/performance.md, "CI time").
/// </summary>
public sealed class SharedBrowser : IAsyncLifetime
{
    private static readonly TaskCompletionSource<IBrowser> Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The shared browser, once it has started.</summary>
    public static Task<IBrowser> GetAsync() => Started.Task;

    public async ValueTask InitializeAsync()
    {
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            Started.SetResult(_browser);
        }
        catch (Exception e)
        {
            Started.SetException(e);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        DemoDatabase.Delete();
    }
}
