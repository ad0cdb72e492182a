using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Tests;

/// <summary>
/// A fresh database, migrated with the real migrations of the lane's provider; deleted on dispose. In this project
/// that is a SQLite file: a copy of a template migrated once per test run (<see cref="SqliteTemplates"/>), since
/// migrating each test's file cost more than most tests themselves. The SQL Server lane
/// (tests/Vaarst.Growth.Core.Tests.SqlServer) compiles the same test classes with <c>SQLSERVER_LANE</c>, and each test
/// gets its own database on the lane's server, migrated (and seeded) on its own.
/// </summary>
internal sealed class TestDatabase : IDbContextFactory<GrowthDbContext>, IAsyncDisposable
{
#if SQLSERVER_LANE
    public const string Provider = DatabaseOptions.SqlServer;
#else
    public const string Provider = DatabaseOptions.Sqlite;
#endif

    private readonly string? _folder;

    private TestDatabase(string connectionString, string? folder = null)
    {
        ConnectionString = connectionString;
        _folder = folder;
    }

    public string ConnectionString { get; }

    public bool IsSqlServer => Provider == DatabaseOptions.SqlServer;

    /// <summary>The SQLite database's own folder (deleted with it), where a test may keep files that go with it; none on SQL Server.</summary>
    public string? Folder => _folder;

    public FakeTimeProvider Clock { get; } = TestTime.Clock();

    /// <summary>Counts the SQL commands of every context this database hands out.</summary>
    public CommandCounter Commands { get; } = new();

    /// <summary>Records which tables each committed unit of work wrote, so tests can prove a change and its audit event commit together.</summary>
    public WriteRecorder Writes { get; } = new();

    /// <summary>Runs an action once, just before the next transaction of any context begins (to stage a race).</summary>
    public BeforeTransaction BeforeNextTransaction { get; } = new();

    /// <summary>A fresh database with every migration applied and no rows.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
#if SQLSERVER_LANE
        var database = await CreateEmptyAsync();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
#else
        return CopyOf(await SqliteTemplates.MigratedAsync());
#endif
    }

#if !SQLSERVER_LANE
    /// <summary>
    /// A fresh migrated database holding what <paramref name="seed"/> wrote to a database of its own, and what it
    /// returned. The seed runs once per test run for each <paramref name="template"/> name; every database asked for
    /// under that name is a copy of the result (with the files the seed left in its database's <see cref="Folder"/>),
    /// so what the seed returns describes every copy. The seed must not move the clock: each copy starts with a fresh one.
    /// </summary>
    public static async Task<(TestDatabase Database, T Seeded)> CreateAsync<T>(string template, Func<TestDatabase, Task<T>> seed)
        where T : notnull
    {
        var (folder, seeded) = await SqliteTemplates.SeededAsync(template, async database => await seed(database));
        return (CopyOf(folder), (T)seeded);
    }
#endif

    /// <summary>A database with nothing in it, not even the migrations' history (to migrate it in the test).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
#if SQLSERVER_LANE
        // Skips the test, with the reason, when the lane has no server (or fails it when the lane must run).
        var server = await SqlServerLane.ServerConnectionStringAsync();
        return new TestDatabase(new SqlConnectionStringBuilder(server) { InitialCatalog = $"vaarst_test_{Guid.NewGuid():N}" }.ConnectionString);
#else
        await Task.CompletedTask;
        return NewSqliteFile();
#endif
    }

#if !SQLSERVER_LANE
    private static TestDatabase NewSqliteFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase($"Data Source={Path.Combine(folder, "growth.db")}", folder);
    }

    private static TestDatabase CopyOf(string templateFolder)
    {
        var database = NewSqliteFile();
        foreach (var file in Directory.EnumerateFiles(templateFolder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(database._folder!, Path.GetRelativePath(templateFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return database;
    }
#endif

    public GrowthDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, Provider, ConnectionString);
        builder.AddInterceptors(Commands, Writes, Writes.Transactions, BeforeNextTransaction);
        return new GrowthDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsSqlServer)
        {
            SqlConnection.ClearAllPools();
            await using var db = CreateDbContext();
            await db.Database.EnsureDeletedAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

#if !SQLSERVER_LANE
/// <summary>
/// The SQLite databases tests start from, each built once per test run: "migrated" (every migration applied to an
/// empty file) and the seeded templates of <see cref="TestDatabase.CreateAsync{T}"/>. A template is a folder: a
/// snapshot of the database taken with <c>VACUUM INTO</c> once its build is done (so a copy is complete and
/// consistent) and the other files of the database's folder. Deleted at the end of the run
/// (<see cref="SqliteTemplatesCleanup"/>).
/// </summary>
internal static class SqliteTemplates
{
    private const string Migrated = "migrated";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", $"templates-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<string, Lazy<Task<(string Folder, object Seeded)>>> Built = new();

    public static async Task<string> MigratedAsync() =>
        (await BuildOnceAsync(Migrated, async () =>
        {
            var database = await TestDatabase.CreateEmptyAsync();
            await using (var db = database.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            return (database, (object)Migrated);
        })).Folder;

    public static Task<(string Folder, object Seeded)> SeededAsync(string name, Func<TestDatabase, Task<object>> seed) =>
        BuildOnceAsync(name, async () =>
        {
            var database = await TestDatabase.CreateAsync();
            var seeded = await seed(database);
            // Every copy gets a fresh clock at the same moment: a seed that moved it would leave copies out of step.
            if (database.Clock.GetUtcNow() != TestTime.Start)
            {
                throw new InvalidOperationException($"The seed of the '{name}' template moved the clock; copies of it would not match their clocks.");
            }

            return (database, seeded);
        });

    public static void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    // Built on the thread pool, once, whichever test asks first; the others wait for the same build.
    private static Task<(string Folder, object Seeded)> BuildOnceAsync(string name, Func<Task<(TestDatabase Database, object Seeded)>> build) =>
        Built.GetOrAdd(name, _ => new Lazy<Task<(string, object)>>(() => Task.Run(async () =>
        {
            var (database, seeded) = await build();
            await using (database)
            {
                var template = Path.Combine(Root, name);
                Directory.CreateDirectory(template);
                var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
                await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString()))
                {
                    await connection.OpenAsync();
                    await using var vacuum = connection.CreateCommand();
                    vacuum.CommandText = "VACUUM INTO $path";
                    vacuum.Parameters.AddWithValue("$path", Path.Combine(template, Path.GetFileName(source)));
                    await vacuum.ExecuteNonQueryAsync();
                }

                foreach (var file in Directory.EnumerateFiles(database.Folder!, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith(Path.GetFileName(source), StringComparison.Ordinal)))
                {
                    var copy = Path.Combine(template, Path.GetRelativePath(database.Folder!, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(file, copy);
                }

                return (template, seeded);
            }
        }))).Value;
}

/// <summary>Removes the run's SQLite templates when the last test is done (an assembly fixture: AssemblyInfo.cs).</summary>
public sealed class SqliteTemplatesCleanup : IDisposable
{
    public void Dispose() => SqliteTemplates.Delete();
}
#endif

/// <summary>A SQL command as it was sent, with its parameter values, so a test can ask SQLite for its plan.</summary>
internal sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Counts executed SQL commands, so tests can hold a use case to a query budget; records the readers' SQL.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<RecordedCommand> _readers = [];
    private int _count;

    public int Count => _count;

    /// <summary>The queries (readers) sent since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<RecordedCommand> Readers
    {
        get
        {
            lock (_readers)
            {
                return _readers.ToList();
            }
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_readers)
        {
            _readers.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        lock (_readers)
        {
            _readers.Add(new RecordedCommand(command.CommandText, parameters));
        }
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// Groups the write commands (INSERT, UPDATE, DELETE — SaveChanges, ExecuteUpdate and raw SQL alike) by the transaction
/// they ran in. A unit is a committed transaction, or one command run outside any transaction; rolled back work is no unit.
/// </summary>
internal sealed partial class WriteRecorder : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DbTransaction, HashSet<string>> _open = new(ReferenceEqualityComparer.Instance);
    private readonly List<IReadOnlySet<string>> _committed = [];

    public WriteRecorder() => Transactions = new TransactionListener(this);

    public DbTransactionInterceptor Transactions { get; }

    /// <summary>The tables written by each unit committed since the last <see cref="Reset"/>, in commit order.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Units
    {
        get
        {
            lock (_lock)
            {
                return _committed.ToList();
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _committed.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var tables = WriteStatement().Matches(command.CommandText).Select(m => m.Groups["table"].Value).ToHashSet(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (command.Transaction is { } transaction)
            {
                if (!_open.TryGetValue(transaction, out var written))
                {
                    _open[transaction] = written = new HashSet<string>(StringComparer.Ordinal);
                }

                written.UnionWith(tables);
            }
            else
            {
                _committed.Add(tables);
            }
        }
    }

    private void Ended(DbTransaction transaction, bool committed)
    {
        lock (_lock)
        {
            if (_open.Remove(transaction, out var written) && committed)
            {
                _committed.Add(written);
            }
        }
    }

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""?(?<table>\w+)""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    private sealed class TransactionListener(WriteRecorder recorder) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => recorder.Ended(transaction, true);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            recorder.Ended(transaction, true);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => recorder.Ended(transaction, false);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            recorder.Ended(transaction, false);
            return Task.CompletedTask;
        }
    }
}

/// <summary>A one-shot action run before the next transaction starts; the action's own transactions do not trigger it.</summary>
internal sealed class BeforeTransaction : DbTransactionInterceptor
{
    private Func<Task>? _action;

    public void Set(Func<Task> action) => _action = action;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _action, null) is { } action)
        {
            await action();
        }

        return result;
    }
}
