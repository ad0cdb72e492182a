using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using IsolationLevel = System.Data.IsolationLevel;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Tests.Data;

/// <summary>
/// A SQL Server-configured context with no server behind it: a command interceptor records every statement EF sends
/// and answers it with empty results — except that a save's <c>OUTPUT</c> clauses get the rows EF reads back (new keys,
/// "one row affected"), so a use case goes on past its first save — and the connection only pretends to open. So the
/// SQL a use case would send to SQL Server can be checked here, with ScriptDom.
/// </summary>
internal sealed class CapturedSqlServer : DbCommandInterceptor, IDbContextFactory<GrowthDbContext>
{
    private readonly ConcurrentQueue<string> _statements = new();
    private int _nextKey = 1000;

    public IReadOnlyCollection<string> Statements => _statements;

    public void Clear() => _statements.Clear();

    public GrowthDbContext CreateDbContext()
    {
        // The same provider options as GrowthDatabase.Configure, on a connection that needs no server.
        var builder = new DbContextOptionsBuilder<GrowthDbContext>()
            .UseSqlServer(new OfflineConnection(), o => o.MigrationsAssembly(GrowthDatabase.SqlServerMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(this);
        return new GrowthDbContext(builder.Options);
    }

    /// <summary>ScriptDom's parser for SQL Server 2022 (compatibility level 160); what it reports for <paramref name="sql"/>.</summary>
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _statements.Enqueue(command.CommandText);
        return InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText, eventData.Context?.Model));
    }

    /// <summary>
    /// What SQL Server answers with empty tables: no rows, except one row for an aggregate (<c>COUNT</c> 0, else NULL) or
    /// an <c>EXISTS</c> test (false). And one result per <c>OUTPUT</c> clause of a save batch: <c>OUTPUT INSERTED.[Id]</c>
    /// gets a new key, <c>OUTPUT 1</c> says the row was there, a <c>MERGE</c>'s <c>i._Position</c> numbers its rows.
    /// </summary>
    private DbDataReader Answer(string sql, Microsoft.EntityFrameworkCore.Metadata.IModel? model)
    {
        if (IsAuthorityRead(sql))
        {
            return Caller();
        }

        var scalar = Regex.Match(sql, @"^SELECT (?:(?<count>COUNT(?:_BIG)?)\(|(?<aggregate>MAX|MIN|SUM|AVG|COALESCE)\(|(?<exists>CASE\s+WHEN\s+EXISTS))");
        if (scalar.Success && !sql.Contains("GROUP BY", StringComparison.Ordinal))
        {
            var table = new DataTable();
            table.Columns.Add("value", scalar.Groups["exists"].Success ? typeof(bool) : typeof(object));
            table.Rows.Add(scalar.Groups["count"].Success ? 0 : scalar.Groups["exists"].Success ? false : DBNull.Value);
            return table.CreateDataReader();
        }

        var results = new List<DataTable>();
        foreach (var statement in Regex.Split(sql, @";\s*\r?\n").Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var output = Regex.Match(statement, @"\bOUTPUT\s+(?<columns>.+?)(?:\s+WHERE\b|\s+VALUES\b|;|$)", RegexOptions.Singleline);
            if (!output.Success)
            {
                continue;
            }

            var columns = output.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries);
            var rows = statement.StartsWith("MERGE", StringComparison.Ordinal)
                ? Regex.Matches(statement[..statement.IndexOf(") AS i", StringComparison.Ordinal)], @"\(@p").Count
                : 1;
            // A generated key has its property's type (int or long), found from the table and column names.
            var tableName = Regex.Match(statement, @"^(?:INSERT INTO|MERGE) \[(?<table>[^\]]+)\]").Groups["table"].Value;
            var entity = model?.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == tableName);
            Type TypeOf(string column) =>
                column.StartsWith("INSERTED.[", StringComparison.Ordinal) && entity?.GetProperties().FirstOrDefault(p => $"INSERTED.[{p.GetColumnName()}]" == column) is { } property
                    ? Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType
                    : typeof(int);
            var table = new DataTable();
            foreach (var column in columns)
            {
                table.Columns.Add(column, TypeOf(column));
            }

            for (var row = 0; row < rows; row++)
            {
                table.Rows.Add(columns.Select(c => c.EndsWith("_Position", StringComparison.Ordinal) ? row
                    : c == "1" ? 1
                    : Convert.ChangeType(Interlocked.Increment(ref _nextKey), TypeOf(c), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            }

            results.Add(table);
        }

        return results.Count == 0 ? NoRows(sql) : new DataTableReader([.. results]);
    }

    /// <summary>No rows, with as many columns as the query selects (EF checks the shape of split and buffered queries).</summary>
    private static DbDataReader NoRows(string sql)
    {
        var table = new DataTable();
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out _) as TSqlScript;
        var query = script?.Batches.SelectMany(b => b.Statements).OfType<SelectStatement>().FirstOrDefault()?.QueryExpression;
        while (query is BinaryQueryExpression union)
        {
            query = union.FirstQueryExpression;
        }

        var columns = (query as QuerySpecification)?.SelectElements.Count ?? 0;
        for (var i = 0; i < columns; i++)
        {
            table.Columns.Add($"c{i}", typeof(object));
        }

        return table.CreateDataReader();
    }

    /// <summary>
    /// Every use case first confirms its caller against the directory (People/Authority); answering that one read with
    /// an active person holding every role lets the use case go on to send the statements this check is for.
    /// </summary>
    private static bool IsAuthorityRead(string sql) =>
        sql.ReplaceLineEndings("\n").StartsWith("SELECT TOP(1) [p].[Id], [p].[Name], [p].[Roles], [p].[IsActive], [p].[SecurityStamp]\nFROM [People] AS [p]", StringComparison.Ordinal);

    private static DataTableReader Caller()
    {
        var table = new DataTable();
        table.Columns.Add("Id", typeof(int));
        table.Columns.Add("Name", typeof(string));
        table.Columns.Add("Roles", typeof(int));
        table.Columns.Add("IsActive", typeof(bool));
        table.Columns.Add("SecurityStamp", typeof(string));
        table.Rows.Add(1, "Ada Everyone", 15, true, "stamp");
        return table.CreateDataReader();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _statements.Enqueue(command.CommandText);
        return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _statements.Enqueue(command.CommandText);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    /// <summary>Opens, begins and commits without a server; commands are never executed (the interceptor answers them).</summary>
    private sealed class OfflineConnection : DbConnection
    {
        private ConnectionState _state = ConnectionState.Closed;

        [AllowNull]
        public override string ConnectionString { get; set; } = "Server=offline;Database=VaarstGrowth;TrustServerCertificate=True";
        public override string Database => "VaarstGrowth";
        public override string DataSource => "offline";
        public override string ServerVersion => "16.00.1000";
        public override ConnectionState State => _state;

        public override void ChangeDatabase(string databaseName) { }
        public override void Open() => _state = ConnectionState.Open;
        public override void Close() => _state = ConnectionState.Closed;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new OfflineTransaction(this, isolationLevel);
        protected override DbCommand CreateDbCommand() => new OfflineCommand { Connection = this };
    }

    private sealed class OfflineTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => isolationLevel;
        protected override DbConnection DbConnection => connection;
        public override void Commit() { }
        public override void Rollback() { }
    }

    private sealed class OfflineCommand : DbCommand
    {
        // Real SqlParameters, so the provider's type mappings can set SQL Server-specific properties on them.
        private readonly SqlParameterCollection _parameters = new SqlCommand().Parameters;

        [AllowNull]
        public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() { }
        public override int ExecuteNonQuery() => 0;
        public override object? ExecuteScalar() => null;
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => new DataTable().CreateDataReader();
    }
}
