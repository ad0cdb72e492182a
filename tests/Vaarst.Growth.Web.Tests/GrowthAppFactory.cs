using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Vaarst.Growth.Web.Tests;

/// <summary>The real app on a fresh SQLite file (migrated, seed framework and demo organisation loaded).</summary>
public sealed class GrowthAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public GrowthAppFactory() : this("Development", [])
    {
    }

    /// <summary>For tests that start the app in another environment or with other settings (not a fixture).</summary>
    internal GrowthAppFactory(string environment, Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_folder);
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Growth"] = $"Data Source={Path.Combine(_folder, "growth.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoData"] = "true",
            ["Framework:SeedContentPath"] = RepositoryRoot.Combine("seed-content"),
            // Uploaded evidence goes with the database, not into the source tree's App_Data.
            ["Evidence:FileStorePath"] = Path.Combine(_folder, "evidence"),
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public string DatabaseFile => Path.Combine(_folder, "growth.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A client that does not follow redirects, so tests see where the app sends people.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
