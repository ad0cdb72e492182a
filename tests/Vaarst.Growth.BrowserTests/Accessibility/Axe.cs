using System.Text.Json;
using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests.Accessibility;

/// <summary>
/// axe-core 4.11 injected into a page (the page's context must bypass the CSP, see <see cref="AppFixture.NewPageAsync"/>).
/// The one place browser tests run it, so every test holds pages to the same rule: no serious or critical violation.
/// </summary>
internal static class Axe
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Folder, "tests", "Vaarst.Growth.BrowserTests", "Accessibility", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails with the command that installs axe-core when it is missing.</summary>
    public static void AssertInstalled() =>
        Assert.True(File.Exists(Script), $"axe-core is missing: run npm ci --prefix tests/Vaarst.Growth.BrowserTests/Accessibility/axe ({Script}).");

    /// <summary>The serious and critical violations on the page as it is now, one line each, prefixed with <paramref name="label"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string label)
    {
        AssertInstalled();
        // axe reads colours through opacity, so a snackbar still fading in (or out) reads as low contrast: wait until
        // finite animations have finished and every snackbar is fully shown (the app shows them opaque) or gone.
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))
            """);
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('.mud-snackbar')].every(s => getComputedStyle(s).opacity === '1')
            """);
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }

        var json = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.any.map(c => c.message).join('; ')}`).join(' | ')}`)
            """);
        return json.EnumerateArray().Select(v => $"{label}: {v.GetString()}").ToList();
    }
}
