using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Features;

/// <summary>
/// A migrated SQLite file with the seed framework and the demo organisation, plus its own evidence file folder.
/// The slow part (migrate, import, seed) runs once per test run into a template; each database is a copy of it.
/// Use it as a class fixture when the tests only read, or create a fresh one in a test that changes data.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public const string SamLee = "sam.lee@vaarst.example";
    public const string AlexMorgan = "alex.morgan@vaarst.example";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-component-tests", Guid.NewGuid().ToString("N"));

    public IConfiguration Configuration { get; private set; } = default!;

    public static async Task<SeededDatabase> CreateAsync()
    {
        var database = new SeededDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        var template = await Template.Value;
        Directory.CreateDirectory(_folder);
        File.Copy(template, Path.Combine(_folder, "growth.db"));
        Configuration = ConfigurationFor(_folder);
    }

    /// <summary>Registers the real core (database, file store, use cases) against this database.</summary>
    public void AddGrowthCore(IServiceCollection services) => services.AddGrowthCore(Configuration, _folder);

    public GrowthDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, DatabaseOptions.Sqlite, Configuration.GetConnectionString(GrowthDatabase.ConnectionStringName)!);
        return new GrowthDbContext(builder.Options);
    }

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = CreateDbContext();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Email == email);
        return new Actor(person.Id, person.Name, person.Roles);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static IConfiguration ConfigurationFor(string folder) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Growth"] = $"Data Source={Path.Combine(folder, "growth.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStartup"] = "true",
            ["Database:SeedDemoData"] = "true",
            ["Framework:SeedContentPath"] = RepositoryRoot.Combine("seed-content"),
            ["Evidence:FileStorePath"] = Path.Combine(folder, "evidence"),
        })
        .Build();

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-component-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        };

        var services = new ServiceCollection().AddLogging();
        services.AddGrowthCore(ConfigurationFor(folder), folder);
        services.AddTransient<DatabaseInitializer>();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseInitializer>().StartAsync(CancellationToken.None);
        }

        // Closing pooled connections leaves one self-contained file to copy.
        SqliteConnection.ClearAllPools();
        return Path.Combine(folder, "growth.db");
    }
}
