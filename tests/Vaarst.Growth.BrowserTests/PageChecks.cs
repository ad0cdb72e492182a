using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests;

/// <summary>Layout checks every page visit can make.</summary>
internal static class PageChecks
{
    /// <summary>
    /// Resizes the page's viewport in place (phones are 844 px tall, desktops 800 px) and waits until the browser has
    /// laid the page out at the new width and any transition that started has finished. The app's layout is CSS only
    /// (media queries; MainLayout has no resize listener and the server renders the same markup at any width), so a
    /// page resized this way is laid out as one opened at that width, without a second page load and circuit.
    /// </summary>
    public static async Task ResizeAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 800);
        await page.WaitForFunctionAsync("w => window.innerWidth === w", width);
        await page.EvaluateAsync("""
            () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
                .then(() => Promise.all(document.getAnimations()
                    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => null))))
            """);
    }

    /// <summary>On a phone, nothing may be wider than the screen (no sideways scrolling).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1],
            $"{page.Url} scrolls sideways at {widths[1]} px: the document is {widths[0]} px wide.");
    }
}
