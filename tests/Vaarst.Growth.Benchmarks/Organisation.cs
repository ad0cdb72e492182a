using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Benchmarks;

/// <summary>
/// A generated organisation in a SQLite file. BenchmarkDotNet runs each benchmark in its own process, so the file is
/// generated once per size (deterministic seed) and reused; the read benchmarks never change it.
/// </summary>
public sealed class Organisation : IDbContextFactory<GrowthDbContext>
{
    private readonly PooledDbContextFactory<GrowthDbContext> _pool;

    private Organisation(string file)
    {
        ConnectionString = $"Data Source={file};Mode=ReadWrite";
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, DatabaseOptions.Sqlite, ConnectionString);
        // Pooled, as the app registers it (GrowthDatabase.AddGrowthDatabase): a use case rents its contexts.
        _pool = new PooledDbContextFactory<GrowthDbContext>(builder.Options);
    }

    public string ConnectionString { get; }
    public Actor Engineer { get; private set; } = default!;
    public Actor Manager { get; private set; } = default!;
    public Actor Administrator { get; private set; } = default!;
    public Actor Chair { get; private set; } = default!;
    public int SessionId { get; private set; }

    public GrowthDbContext CreateDbContext() => _pool.CreateDbContext();

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public static async Task<Organisation> OpenAsync(int engineers)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"organisation-{engineers}-seed1.db");
        if (!File.Exists(file + ".done"))
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            var builder = new DbContextOptionsBuilder<GrowthDbContext>();
            GrowthDatabase.Configure(builder, DatabaseOptions.Sqlite, $"Data Source={file}");
            await using var db = new GrowthDbContext(builder.Options);
            await db.Database.MigrateAsync();
            await OrganisationGenerator.GenerateAsync(db, new GeneratorOptions { Engineers = engineers }, CancellationToken.None);
            await File.WriteAllTextAsync(file + ".done", DateTime.UtcNow.ToString("O"));
        }

        var organisation = new Organisation(file);
        await using (var db = organisation.CreateDbContext())
        {
            // A file generated before a later migration (an index, say) is brought up to date, not measured stale.
            await db.Database.MigrateAsync();
        }


        await organisation.ChooseActorsAsync();
        return organisation;
    }

    /// <summary>Typical callers: an engineer with a full checklist, a manager with a full team, the chair of the largest session.</summary>
    private async Task ChooseActorsAsync()
    {
        await using var db = CreateDbContext();
        var engineer = await db.People.Where(p => (p.Roles & Roles.Engineer) != 0 && p.CraftId != null)
            .OrderByDescending(p => db.ChecklistItems.Count(i => i.PersonId == p.Id)).ThenBy(p => p.Id).FirstAsync();
        var manager = await db.People.Where(p => (p.Roles & Roles.Manager) != 0)
            .OrderByDescending(p => db.People.Count(r => r.ManagerId == p.Id)).ThenBy(p => p.Id).FirstAsync();
        var admin = await db.People.Where(p => (p.Roles & Roles.Administrator) != 0).OrderBy(p => p.Id).FirstAsync();
        var session = await db.CalibrationSessions.Where(s => s.State != SessionState.Nominating)
            .OrderByDescending(s => s.Nominations.Count).ThenBy(s => s.Id).Select(s => new { s.Id, s.Chair }).FirstAsync();
        Engineer = new Actor(engineer.Id, engineer.Name, engineer.Roles);
        Manager = new Actor(manager.Id, manager.Name, manager.Roles);
        Administrator = new Actor(admin.Id, admin.Name, admin.Roles);
        Chair = new Actor(session.Chair!.Id, session.Chair.Name, session.Chair.Roles);
        SessionId = session.Id;
    }
}
