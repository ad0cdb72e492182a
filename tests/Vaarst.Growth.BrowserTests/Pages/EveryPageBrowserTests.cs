using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Pages;

/// <summary>
/// Every page each role can reach, at desktop (1280 px) and phone (390 px) width: a screenshot of each, no sideways
/// scrolling on the phone, and no serious or critical axe-core violation at desktop width (the one place the pages of
/// every role are checked with axe; the phone layout shows the same elements in the same colours, and a second axe
/// pass there cost a minute of CI). One signed-in browser context per role; each page is loaded once and resized in
/// place from desktop to phone width (the layout is CSS only, see <see cref="PageChecks.ResizeAsync"/>).
/// <see cref="Every_routable_page_is_swept_or_excluded_with_a_reason"/> fails when a new page is added to the app
/// without being added here.
/// </summary>
public sealed class EveryPageBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Sam = "sam.lee@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Anonymous = "anonymous";

    /// <summary>A page that is forbidden to the role: it must show the "not part of your role" page (403).</summary>
    private const string Forbidden = "forbidden:";

    private static readonly int[] Widths = [1280, 390];

    private static readonly SemaphoreSlim CorroborationSetup = new(1, 1);

    /// <summary>The apps in which Alex has asked Sam already (one per test class fixture).</summary>
    private static readonly HashSet<AppFixture> CorroborationAskedIn = [];

    /// <summary>
    /// Route templates (as written in each page's <c>@page</c>) each role visits. A template with parameters is filled
    /// from a link on a page visited earlier, or from the calibration session this class sets up.
    /// </summary>
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        [Anonymous] = ["/account/dev-signin", "/account/signed-out", "/not-found", "/error"],
        [Sam] =
        [
            "/", "/checklist", "/checklist/items/{ItemId:int}", "/evidence", "/gap", "/gap/{PersonId:int}", "/gap/{PersonId:int}/print",
            "/calibration/outcomes", "/framework", "/framework/levels/{LevelId:int}", "/profile", "/corroborations", "/corroborations/{Id:int}",
            "/evidence/github", "/account/denied", Forbidden + "/admin/audit", "/no-such-page",
        ],
        [Priya] =
        [
            "/", "/reviews", "/reviews/items/{ItemId:int}", "/team", "/team/heatmap", "/gap/{PersonId:int}", "/gap/{PersonId:int}/print",
            "/calibration", "/framework", "/framework/levels/{LevelId:int}", Forbidden + "/admin/people",
        ],
        [Morgan] =
        [
            "/", "/calibration", "/calibration/{SessionId:int}", "/calibration/{SessionId:int}/compare",
            "/calibration/candidates/{NominationId:int}", "/calibration/candidates/{NominationId:int}/packet", "/framework",
            Forbidden + "/admin/delegations",
        ],
        [Nia] =
        [
            "/", "/admin/people", "/admin/audit", "/admin/delegations", "/admin/framework/import", "/calibration", "/calibration/analytics",
            "/calibration/cycles", "/framework", "/framework/levels/{LevelId:int}",
        ],
    };

    public static TheoryData<string> Roles => new(PagesByRole.Keys);

    [Fact]
    public void Every_routable_page_is_swept_or_excluded_with_a_reason()
    {
        // The router finds pages by this same scan of the app assembly (Routes.razor: AppAssembly = Program's).
        var routable = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet();
        var swept = PagesByRole.Values.SelectMany(p => p).Select(p => p.StartsWith(Forbidden) ? p[Forbidden.Length..] : p).ToHashSet();

        Assert.Contains("/calibration/{SessionId:int}/compare", routable);
        var missed = routable.Where(r => !swept.Contains(r)).Order().ToList();
        Assert.True(missed.Count == 0, $"Pages no role visits in this sweep: {string.Join(", ", missed)}. Add them to PagesByRole.");
        var unknown = swept.Where(s => !routable.Contains(s) && s != "/no-such-page").ToList();
        Assert.True(unknown.Count == 0, $"The sweep lists pages the app does not have: {string.Join(", ", unknown)}.");
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_looks_right_at_desktop_and_phone_width(string role)
    {
        Axe.AssertInstalled();
        var ids = await DemoCalibrationSession.EnsureAsync(app);
        await EnsureCorroborationRequestAsync();
        var page = await app.NewPageAsync(Widths[0], bypassCsp: true);
        if (role != Anonymous)
        {
            await app.SignInAsync(page, role);
        }

        var resolved = new Dictionary<string, string>
        {
            ["/calibration/{SessionId:int}"] = $"/calibration/{ids.SessionId}",
            ["/calibration/{SessionId:int}/compare"] = $"/calibration/{ids.SessionId}/compare",
            ["/calibration/candidates/{NominationId:int}"] = $"/calibration/candidates/{ids.NominationId}",
            ["/calibration/candidates/{NominationId:int}/packet"] = $"/calibration/candidates/{ids.NominationId}/packet",
        };
        var problems = new List<string>();
        var who = role == Anonymous ? role : role.Split('@')[0];
        // Each page is opened once, at desktop width (screenshot, axe), then resized in place to the phone's width
        // (screenshot, no sideways scrolling): the layout is CSS only (PageChecks.ResizeAsync), and a second page load
        // per page and width cost a minute of CI.
        foreach (var entry in PagesByRole[role])
        {
            var forbidden = entry.StartsWith(Forbidden);
            var template = forbidden ? entry[Forbidden.Length..] : entry;
            var path = resolved.GetValueOrDefault(template) ?? template;
            Assert.False(path.Contains('{'), $"{who}: no link to {template} was found on the pages visited before it.");
            await PageChecks.ResizeAsync(page, Widths[0]);
            await OpenAsync(page, path, interactive: role != Anonymous);
            if (forbidden)
            {
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not part of your role" })).ToBeVisibleAsync();
            }

            var name = $"every-page-{who}-{(forbidden ? "forbidden-" : "")}{(path == "/" ? "home" : path.Trim('/'))}";
            await AppFixture.ScreenshotAsync(page, name);
            problems.AddRange(await Axe.SeriousViolationsAsync(page, $"{who} {path} at {Widths[0]} px"));
            await ResolveLinksAsync(page, resolved);

            await PageChecks.ResizeAsync(page, Widths[1]);
            await Expect(Heading(page)).ToBeVisibleAsync();
            await AppFixture.ScreenshotAsync(page, name);
            try
            {
                await PageChecks.AssertNoHorizontalScrollAsync(page);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                problems.Add($"{who} {path}: {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Dark mode on the pages people work in, at both widths (axe at desktop width). Jordan and Tomasz switch it on (it is remembered per
    /// person), so the light sweep of the other demo people is untouched.
    /// </summary>
    [Theory]
    [InlineData("jordan.kim@vaarst.example", new[] { "/checklist", "/evidence", "/gap", "/framework" })]
    [InlineData("tomasz.okafor@vaarst.example", new[] { "/reviews", "/team", "/team/heatmap", "/calibration" })]
    public async Task Dark_mode_pages_look_right_and_keep_their_contrast(string email, string[] paths)
    {
        Axe.AssertInstalled();
        var page = await app.NewPageAsync(Widths[0], bypassCsp: true);
        await app.SignInAsync(page, email);
        await page.GetByTestId("dark-mode").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        var problems = new List<string>();
        var who = email.Split('@')[0];
        foreach (var path in paths)
        {
            await PageChecks.ResizeAsync(page, Widths[0]);
            await OpenAsync(page, path, interactive: true);
            foreach (var width in Widths)
            {
                // Desktop first (as opened, with axe), then the same page resized in place to the phone's width.
                await PageChecks.ResizeAsync(page, width);
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
                await AppFixture.ScreenshotAsync(page, $"dark-{who}-{path.Trim('/')}");
                if (width == Widths[0])
                {
                    problems.AddRange(await Axe.SeriousViolationsAsync(page, $"dark {who} {path} at {width} px"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// The demo organisation holds no corroboration request: Alex asks Sam (a colleague, not Alex's manager) to vouch for
    /// a piece of Alex's evidence, through the use case, so Sam's inbox links to the request page the sweep then opens.
    /// </summary>
    private async Task EnsureCorroborationRequestAsync()
    {
        await CorroborationSetup.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (CorroborationAskedIn.Contains(app))
            {
                return;
            }

            var directory = app.Services.GetRequiredService<SignInDirectory>();
            var people = await directory.ListAsync(TestContext.Current.CancellationToken);
            var alex = (await directory.FindAsync(people.Single(p => p.Email == "alex.morgan@vaarst.example").Id))!;
            var evidence = (await app.Services.GetRequiredService<GetEvidenceLibrary>().HandleAsync(alex, cancellationToken: TestContext.Current.CancellationToken)).First();
            await app.Services.GetRequiredService<RequestCorroboration>().HandleAsync(alex,
                new(evidence.Id, [people.Single(p => p.Email == Sam).Id], "Can you confirm my part in this?"), TestContext.Current.CancellationToken);
            CorroborationAskedIn.Add(app);
        }
        finally
        {
            CorroborationSetup.Release();
        }
    }

    /// <summary>Fills route parameters from the links on the page (the first of each kind), so no id is guessed.</summary>
    private static async Task ResolveLinksAsync(IPage page, Dictionary<string, string> resolved)
    {
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
        foreach (var href in hrefs.Select(h => h.Split('?')[0]))
        {
            var template = href switch
            {
                _ when Regex.IsMatch(href, @"^/checklist/items/\d+$") => "/checklist/items/{ItemId:int}",
                _ when Regex.IsMatch(href, @"^/reviews/items/\d+$") => "/reviews/items/{ItemId:int}",
                _ when Regex.IsMatch(href, @"^/framework/levels/\d+$") => "/framework/levels/{LevelId:int}",
                _ when Regex.IsMatch(href, @"^/gap/\d+$") => "/gap/{PersonId:int}",
                _ when Regex.IsMatch(href, @"^/gap/\d+/print$") => "/gap/{PersonId:int}/print",
                _ when Regex.IsMatch(href, @"^/corroborations/\d+$") => "/corroborations/{Id:int}",
                _ => null,
            };
            if (template is not null)
            {
                resolved.TryAdd(template, href);
                if (template == "/gap/{PersonId:int}/print")
                {
                    resolved.TryAdd("/gap/{PersonId:int}", href[..^"/print".Length]);
                }
            }
        }
    }

    private static ILocator Heading(IPage page) => page.Locator("h1, [role=heading][aria-level='1']").First;

    private static async Task OpenAsync(IPage page, string path, bool interactive)
    {
        await page.GotoAsync(path);
        // Printable and sign-in pages are rendered once on the server, and nobody gets a circuit before signing in;
        // every other page waits for its live circuit.
        if (interactive && await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await AppFixture.WaitForInteractiveAsync(page);
        }

        await Expect(Heading(page)).ToBeVisibleAsync();
        // Pages show an indeterminate bar while they load their data.
        await Expect(page.Locator(".mud-progress-linear.mud-progress-indeterminate")).ToHaveCountAsync(0);
    }
}
