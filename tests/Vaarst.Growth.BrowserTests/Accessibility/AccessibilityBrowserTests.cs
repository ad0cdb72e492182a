using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests.Accessibility;

/// <summary>axe-core on the pages each role works in: no serious or critical violation.</summary>
public sealed class AccessibilityBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string[]> Journeys => new()
    {
        { "sam.lee@vaarst.example", ["/", "/checklist", "/evidence", "/gap", "/framework", "/calibration/outcomes"] },
        { "priya.raman@vaarst.example", ["/reviews", "/team", "/team/heatmap", "/calibration"] },
        { "nia.adeyemi@vaarst.example", ["/admin/people", "/admin/audit", "/admin/delegations", "/calibration", "/calibration/analytics"] },
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Pages_have_no_serious_or_critical_accessibility_violations(string email, string[] paths)
    {
        Axe.AssertInstalled();
        var page = await app.NewPageAsync(bypassCsp: true);
        var violations = new List<string>();
        violations.AddRange(await CheckAsync(page, "/account/dev-signin"));
        await app.SignInAsync(page, email);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await AppFixture.WaitForInteractiveAsync(page);
            await page.Locator("h1").First.WaitForAsync();
            violations.AddRange(await CheckAsync(page, path));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string path)
    {
        if (page.Url.EndsWith(path) is false)
        {
            await page.GotoAsync(path);
        }

        return await Axe.SeriousViolationsAsync(page, path);
    }
}
