using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests;

/// <summary>Layout checks every page visit can make.</summary>
internal static class PageChecks
{
    /// <summary>On a phone, nothing may be wider than the screen (no sideways scrolling).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1],
            $"{page.Url} scrolls sideways at {widths[1]} px: the document is {widths[0]} px wide.");
    }
}
