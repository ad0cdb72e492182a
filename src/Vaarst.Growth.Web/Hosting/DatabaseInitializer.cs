using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Demo;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies migrations (when configured), imports the seed framework
/// (a no-op when unchanged) and loads the demo organisation into an empty directory (when configured).
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<GrowthDbContext> dbFactory,
    DatabaseOptions options,
    SeedContent seedContent,
    ImportFramework importFramework,
    SeedDemoOrganisation seedDemoOrganisation,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStartup)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A first start (or an upgrade) says what it is doing before the few seconds it takes, so nobody watching
            // the console wonders whether it hangs.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                logger.LogInformation("Preparing the database: applying {Count} migration(s)…", pending);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        // The provider the context really uses (Database:Provider is matched without case).
        if (string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            // SQLite plans queries from table statistics only once ANALYZE has run; without them it guesses that every
            // index narrows equally, and at 2,000 engineers it walked ~20,000 checklist items through the Status index
            // for a review queue of 8 people. SQLite's advice for long-running processes: "PRAGMA optimize=0x10002"
            // when the database is opened (it analyses the tables that need it, with a bounded sample). SQL Server keeps
            // its statistics itself.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }

        if (Directory.Exists(seedContent.FrameworkPages))
        {
            var parsed = FrameworkPageParser.ParsePath(seedContent.FrameworkPages);
            if (!parsed.IsValid)
            {
                throw new InvalidOperationException(
                    "The seed framework content is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, parsed.Problems));
            }

            var result = await importFramework.HandleAsync(Actor.System, new ImportFrameworkRequest(parsed.Pages, seedContent.FrameworkPages), cancellationToken);
            if (result.Changed)
            {
                logger.LogInformation("Imported framework version {Version} from {Path} ({Changes} changes)", result.VersionNumber, seedContent.FrameworkPages, result.Changes.Count);
            }
        }
        else
        {
            logger.LogWarning("No framework content at {Path}; set Framework:SeedContentPath", seedContent.FrameworkPages);
        }

        if (options.SeedDemoData && await seedDemoOrganisation.HandleAsync(Actor.System, seedContent.DemoOrganisation, cancellationToken))
        {
            logger.LogInformation("Loaded the demo organisation from {File}", seedContent.DemoOrganisation);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
