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
/// that is a SQLite file; the SQL Server lane (tests/Vaarst.Growth.Core.Tests.SqlServer) compiles the same test
/// classes with <c>SQLSERVER_LANE</c>, and each test gets its own database on the lane's server.
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

    public FakeTimeProvider Clock { get; } = TestTime.Clock();

    /// <summary>Counts the SQL commands of every context this database hands out.</summary>
    public CommandCounter Commands { get; } = new();

    /// <summary>Records which tables each committed unit of work wrote, so tests can prove a change and its audit event commit together.</summary>
    public WriteRecorder Writes { get; } = new();

    /// <summary>Runs an action once, just before the next transaction of any context begins (to stage a race).</summary>
    public BeforeTransaction BeforeNextTransaction { get; } = new();

    public static async Task<TestDatabase> CreateAsync()
    {
#if SQLSERVER_LANE
        // Skips the test, with the reason, when the lane has no server (or fails it when the lane must run).
        var server = await SqlServerLane.ServerConnectionStringAsync();
        var database = new TestDatabase(new SqlConnectionStringBuilder(server) { InitialCatalog = $"vaarst_test_{Guid.NewGuid():N}" }.ConnectionString);
#else
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase($"Data Source={Path.Combine(folder, "growth.db")}", folder);
#endif
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

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

/// <summary>A clock the test moves by hand.</summary>
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
