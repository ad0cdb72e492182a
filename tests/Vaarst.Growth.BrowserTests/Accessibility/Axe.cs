using System.Text.Json;
using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests.Accessibility;

/// <summary>
/// axe-core 4.11 run in the page: the one place browser tests ask for accessibility violations. The page's context
/// must bypass the CSP (<see cref="AppFixture.NewPageAsync"/>), because axe is injected as a script.
/// </summary>
internal static class Axe
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "tests", "Vaarst.Growth.BrowserTests", "Accessibility", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails with the command to run when the npm package has not been installed.</summary>
    public static void AssertInstalled() =>
        Assert.True(File.Exists(Script), $"axe-core is missing: run npm ci --prefix tests/Vaarst.Growth.BrowserTests/Accessibility/axe ({Script}).");

    /// <summary>The serious and critical violations on the page as it is now, each prefixed with <paramref name="label"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string label)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }

        var json = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        return json.EnumerateArray().Select(v => $"{label}: {v.GetString()}").ToList();
    }
}
