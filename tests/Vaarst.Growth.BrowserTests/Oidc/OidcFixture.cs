using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Microsoft.Playwright;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.BrowserTests.Oidc;

/// <summary>
/// The app in the Production environment with Microsoft Entra ID sign-in, pointed at a real OpenID Connect provider
/// (the npm package oidc-provider, see provider/provider.mjs) on loopback, plus one headless Chromium.
/// <list type="bullet">
/// <item>A self-signed certificate for 127.0.0.1 is made at run time; both the provider and the app's Kestrel serve it.</item>
/// <item>Only the app's OpenID Connect back channel (metadata, keys, token redemption) trusts it, and only it: the
/// handler accepts exactly that certificate. Nothing is added to the machine's trust store. The browser contexts
/// ignore certificate errors.</item>
/// <item>The app gets the real <c>AzureAd</c> configuration shape (Instance, TenantId, ClientId, ClientSecret,
/// CallbackPath); Identity.Web appends <c>/v2.0</c> to Instance + TenantId, where the provider is mounted.</item>
/// </list>
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string TenantId = "3f1c2b7a-6d1e-4c2f-9a8b-5e4d3c2b1a00";
    public const string ClientId = "0b7e9c4d-2a61-4f3e-8d5c-1a2b3c4d5e6f";

    /// <summary>
    /// Milliseconds to wait for a page condition. A sign-in is several round trips between browser, app and provider
    /// (the first one also warms both up) on shared cores: longer than Playwright's default 5 s for assertions.
    /// </summary>
    public const float Patience = 20_000;

    private static readonly string ProviderFolder = RepositoryRoot.Combine("tests", "Vaarst.Growth.BrowserTests", "Oidc", "provider");
    private static readonly TimeSpan ProviderStartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("vaarst-growth-oidc-").FullName;
    private readonly string _clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly StringBuilder _providerOutput = new();
    private X509Certificate2? _certificate;
    private EntraIdAppFactory? _factory;
    private Process? _provider;
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Where the app listens, e.g. <c>https://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The provider's issuer, <c>https://127.0.0.1:port/&lt;tenant&gt;/v2.0</c>.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>What the provider has printed so far (stdout and stderr), for failure messages.</summary>
    public string ProviderOutput
    {
        get
        {
            lock (_providerOutput)
            {
                return _providerOutput.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        _certificate = CreateLoopbackCertificate(out var certificateFile, out var keyFile);

        // The app needs the provider's address before it starts, and the provider needs the app's redirect URIs:
        // ask the system for a free port for the provider; the app itself listens on port 0.
        var providerPort = FreeLoopbackPort();
        _factory = new EntraIdAppFactory(Path.Combine(_folder, "growth.db"), $"https://127.0.0.1:{providerPort}/", _clientSecret, _certificate);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');

        Issuer = await StartProviderAsync(providerPort, certificateFile, keyFile);
        Directory.CreateDirectory(AppFixture.ScreenshotFolder);
    }

    /// <summary>A page in a fresh browser context: no cookies at the app or at the provider.</summary>
    public async Task<IPage> NewPageAsync()
    {
        // The run's one Chromium (SharedBrowser); the context, closed with the fixture, is this test's own.
        var context = await (await SharedBrowser.GetAsync()).NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = 1280, Height = 800 },
            // The browser side only; the app's own trust is set up in EntraIdAppFactory.
            IgnoreHTTPSErrors = true,
        });
        context.SetDefaultTimeout(Patience);
        _contexts.Add(context);
        // oidc-provider's development login page imports a web font; there is no internet here.
        await context.RouteAsync("https://fonts.googleapis.com/**", route => route.AbortAsync());
        return await context.NewPageAsync();
    }

    /// <summary>Waits until the app bar names the signed-in person and the Blazor circuit is connected.</summary>
    public static async Task WaitForSignedInAsync(IPage page, string name)
    {
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(name, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = Patience });
    }

    /// <summary>The running app's services, to change the directory as an administrator would.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The Entra object id the directory holds for a person, read straight from the database.</summary>
    public async Task<string?> StoredObjectIdAsync(string email)
    {
        var dbFactory = _factory!.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.People.Where(p => p.Email == email).Select(p => p.EntraObjectId).SingleAsync();
    }

    /// <summary>The object id the provider gives a login (from provider/accounts.json, which the provider reads too).</summary>
    public static string ObjectIdOf(string login)
    {
        using var accounts = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProviderFolder, "accounts.json")));
        return accounts.RootElement.GetProperty("accounts").GetProperty(login).GetProperty("oid").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_provider is not null)
        {
            if (!_provider.HasExited)
            {
                _provider.Kill();
                await _provider.WaitForExitAsync();
            }

            _provider.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _certificate?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Starts node on provider.mjs and waits for its ready line, which names the issuer.</summary>
    private async Task<string> StartProviderAsync(int port, string certificateFile, string keyFile)
    {
        var node = FindOnPath("node")
            ?? throw new InvalidOperationException("The OpenID Connect sign-in test needs Node.js (node on PATH) for oidc-provider.");
        if (!Directory.Exists(Path.Combine(ProviderFolder, "node_modules")))
        {
            // .ci/run installs these up front; this only helps a local run.
            await RunAsync(FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on PATH."), ["ci", "--prefix", ProviderFolder]);
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = ProviderFolder,
            // Held open until the fixture ends: node exits when it closes, even if this process dies first.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "provider.mjs", "--port", port.ToString(), "--tenant-id", TenantId,
                     "--client-id", ClientId,
                     "--redirect-uri", $"{BaseUrl}/signin-oidc",
                     "--post-logout-redirect-uri", $"{BaseUrl}/signout-callback-oidc",
                     "--cert", certificateFile, "--key", keyFile, "--exit-with-stdin",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // The secret goes through the environment, not the command line other processes can read.
        start.Environment["OIDC_CLIENT_SECRET"] = _clientSecret;

        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider = new Process { StartInfo = start, EnableRaisingEvents = true };
        _provider.OutputDataReceived += (_, e) =>
        {
            Record(e.Data);
            if (e.Data?.StartsWith("oidc-provider ready ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult(e.Data["oidc-provider ready ".Length..]);
            }
        };
        _provider.ErrorDataReceived += (_, e) => Record(e.Data);
        _provider.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"oidc-provider exited early:\n{ProviderOutput}"));
        _provider.Start();
        _provider.BeginOutputReadLine();
        _provider.BeginErrorReadLine();

        try
        {
            return await ready.Task.WaitAsync(ProviderStartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"oidc-provider did not say it was ready within {ProviderStartTimeout.TotalSeconds} s:\n{ProviderOutput}");
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_providerOutput)
        {
            _providerOutput.AppendLine(line);
        }

        // Beside the app's own log lines, so a failed sign-in shows both sides.
        Console.Error.WriteLine(line);
    }

    /// <summary>A self-signed certificate for IP 127.0.0.1 (server authentication), also written as PEM for node.</summary>
    private X509Certificate2 CreateLoopbackCertificate(out string certificateFile, out string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        certificateFile = Path.Combine(_folder, "loopback.crt.pem");
        keyFile = Path.Combine(_folder, "loopback.key.pem");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        }
    }

    /// <summary>
    /// The app as production runs it: Production environment, Entra ID sign-in from the AzureAd section, explicit
    /// database settings (a fresh SQLite file with the demo organisation).
    /// </summary>
    private sealed class EntraIdAppFactory(string databaseFile, string instance, string clientSecret, X509Certificate2 providerCertificate)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Growth", $"Data Source={databaseFile}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Framework:SeedContentPath", RepositoryRoot.Combine("seed-content"));
            builder.UseSetting("Evidence:FileStorePath", Path.Combine(Path.GetDirectoryName(databaseFile)!, "evidence"));
            builder.UseSetting("Authentication:Mode", "EntraId");
            builder.UseSetting("AzureAd:Instance", instance);
            builder.UseSetting("AzureAd:TenantId", TenantId);
            builder.UseSetting("AzureAd:ClientId", ClientId);
            builder.UseSetting("AzureAd:ClientSecret", clientSecret);
            builder.UseSetting("AzureAd:CallbackPath", "/signin-oidc");
            builder.UseSetting("AzureAd:SignedOutCallbackPath", "/signout-callback-oidc");

            // The two HTTP clients that call the provider trust its certificate; nothing else does.
            builder.ConfigureTestServices(services =>
            {
                // Metadata, signing keys and the token request.
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                    options.BackchannelHttpHandler = TrustingOnly(providerCertificate));

                // Identity.Web's issuer validator reads the metadata again through its own client (the hook it offers for proxies).
                services.AddHttpClient(ProviderClient).ConfigurePrimaryHttpMessageHandler(() => TrustingOnly(providerCertificate));
                services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = ProviderClient);
            });
        }

        private const string ProviderClient = "test-oidc-provider";

        /// <summary>Normal validation, except that this one self-signed certificate is accepted as well.</summary>
        private static HttpClientHandler TrustingOnly(X509Certificate2 certificate) => new()
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (presented is not null && presented.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)),
        };
    }
}
