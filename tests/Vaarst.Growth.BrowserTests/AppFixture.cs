using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Vaarst.Growth.BrowserTests;

/// <summary>
/// One running app (Kestrel on a free port, a fresh SQLite file, demo organisation loaded), shared by the tests of a
/// class, driven through the run's one headless Chromium (<see cref="SharedBrowser"/>). Each test gets its own browser
/// context, so sign-in cookies never leak; the fixture closes its contexts when the class is done.
/// </summary>
public sealed partial class AppFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("vaarst-growth-browser-").FullName;
    private readonly List<IBrowserContext> _contexts = [];
    private GrowthAppFactory? _factory;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// The running app's services, for setting up data the demo organisation does not hold (through use cases, with a
    /// real actor, as the UI would).
    /// </summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>
    /// The SMTP server the app sends its e-mail to (<c>Email:SmtpHost</c>), in the test process; it keeps every message
    /// of the class's tests, so a test picks its own by recipient.
    /// </summary>
    public TestSmtpServer Mail { get; } = TestSmtpServer.Start();

    /// <summary>The <c>App:PublicBaseUrl</c> the app's e-mails link to.</summary>
    public const string PublicBaseUrl = "https://growth.vaarst.test";

    /// <summary>Full-page screenshots of every visited page land here, beside the test binaries.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var database = Path.Combine(_dataFolder, "growth.db");
        _factory = new GrowthAppFactory(database, Mail.Port);
        _factory.UseKestrel(0);
        // Builds the host and runs its hosted services (migrate, import the framework, seed the demo organisation)
        // before Kestrel accepts the first request; after the run's first app they start from a copy of its fresh
        // database and find nothing to do.
        await DemoDatabase.StartAsync(database, _factory.StartServer);
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A page in a fresh browser context (no cookies) with the given viewport width.</summary>
    /// <param name="bypassCsp">Only for injecting test tooling such as axe-core; the app's CSP rightly refuses inline script.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, bool bypassCsp = false)
    {
        var context = await (await SharedBrowser.GetAsync()).NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 800 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(30_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the development sign-in page and waits until the home page is interactive.</summary>
    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/dev-signin");
        // Someone with several roles is listed under each of them; any of their buttons signs them in.
        await page.GetByTestId($"signin-{email}").GetByRole(AriaRole.Button).First.ClickAsync();
        // Only the address matters here: the circuit check below is what says the page is usable. Waiting for the
        // load event as well timed out once on a loaded CI machine although the page had arrived.
        await page.WaitForURLAsync($"{BaseUrl}/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Clicks are lost until the Blazor circuit is connected; the layout says when it is.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });

    /// <summary>
    /// Saves a PNG named after the page and the viewport width, and returns its path. Full page by default; a dialog
    /// is fixed to the viewport, so its screenshot should be of the viewport only.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var width = page.ViewportSize?.Width ?? 0;
        var path = Path.Combine(ScreenshotFolder, $"{UnsafeFileCharacters().Replace(name, "-")}-{width}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Mail.DisposeAsync();
        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex UnsafeFileCharacters();

    private sealed class GrowthAppFactory(string databaseFile, int smtpPort) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Growth", $"Data Source={databaseFile}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Framework:SeedContentPath", RepositoryRoot.Combine("seed-content"));
            // Uploads land beside the database (deleted with it), not in the source tree's App_Data.
            builder.UseSetting("Evidence:FileStorePath", Path.Combine(Path.GetDirectoryName(databaseFile)!, "evidence"));
            builder.UseSetting("Authentication:Mode", "Development");
            // GitHub is the tests' local fake (recorded responses), started here, never the internet.
            builder.UseSetting("GitHub:BaseUrl", FakeGitHub.Shared.BaseUrl);
            builder.UseSetting("GitHub:PageSize", FakeGitHub.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Open tabs re-check their sign-in every 30 s in the app; 5 s here keeps the test that waits for it short.
            builder.UseSetting("Authentication:RevalidationInterval", "00:00:05");
            // E-mail goes to the fixture's SMTP server in this process, in clear; the outbox delivers every second
            // (15 s in the app) so a test waits only briefly for a message.
            builder.UseSetting("Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Email:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:UseTls", "false");
            builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
            builder.UseSetting("Outbox:PollInterval", "00:00:01");
        }
    }
}
