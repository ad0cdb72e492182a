using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Benchmarks;

/// <summary>
/// Where a first import of 50 pages spends its time, for a shared machine: thread CPU and allocations per import (best
/// of 10 after 3 warm-ups), the SQL commands it sends (counted and timed by a command interceptor, grouped by their
/// first words), the time inside <c>SaveChanges</c> outside those commands (change tracking, command building), and
/// the audit record's JSON alone. docs/performance.md, issue #15 fourth round.
/// <code>dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- import-profile</code>
/// </summary>
internal static class ImportProfile
{
    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-benchmarks", "pages-" + Guid.NewGuid().ToString("N"));
        await SyntheticFramework.WritePagesAsync(folder, new GeneratorOptions { Crafts = 10, Levels = 5 }, CancellationToken.None);
        var pages = FrameworkPageParser.ParsePath(folder).Pages;
        var counter = new Counter();
        ImportFrameworkResult? last = null;
        double best = double.MaxValue;
        long allocated = 0;
        Counter? bestCounts = null;
        for (var run = 0; run < 13; run++)
        {
            var file = Path.Combine(Path.GetTempPath(), "vaarst-growth-benchmarks", $"import-{Guid.NewGuid():N}.db");
            var factory = new CountingFactory(file, counter);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            counter.Reset();
            var import = new ImportFramework(factory, new InAppNotificationSender(TimeProvider.System), TimeProvider.System);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = CpuPerCall.ThreadCpuNanoseconds();
            last = await import.HandleAsync(Actor.System, new ImportFrameworkRequest(pages, folder));
            var cpu = CpuPerCall.ThreadCpuNanoseconds() - start;
            if (run >= 3 && cpu < best)
            {
                best = cpu;
                allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
                bestCounts = counter.Copy();
            }

            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }

        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"Import of {pages.Count} pages: {last!.Changes.Count} change lines; thread CPU {best / 1e6:F1} ms (best of 10), allocated {allocated / 1048576.0:F1} MB");
        Console.WriteLine($"SaveChanges calls: {bestCounts!.SaveChanges}, thread CPU inside them {bestCounts.SaveChangesTicks / 1e6:F1} ms");
        Console.WriteLine("| Command (first words) | count | thread CPU ms |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (kind, (count, ticks)) in bestCounts.Commands.OrderByDescending(c => c.Value.Ticks))
        {
            Console.WriteLine($"| {kind} | {count} | {ticks / 1e6:F1} |");
        }

        Console.WriteLine($"| all | {bestCounts.Commands.Values.Sum(c => c.Count)} | {bestCounts.Commands.Values.Sum(c => c.Ticks) / 1e6:F1} |");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var json = 0L;
        for (var i = 0; i < 20; i++)
        {
            var t = CpuPerCall.ThreadCpuNanoseconds();
            JsonSerializer.Serialize(new { version = 1, changes = last.Changes, itemsFlagged = 0 }, options);
            json = i == 0 ? long.MaxValue : Math.Min(json, CpuPerCall.ThreadCpuNanoseconds() - t);
        }

        Console.WriteLine($"Audit JSON of the change lines alone: {json / 1e6:F2} ms ({JsonSerializer.Serialize(last.Changes, options).Length:N0} characters)");
    }

    private sealed class Counter
    {
        public Dictionary<string, (int Count, long Ticks)> Commands { get; private set; } = [];
        public int SaveChanges { get; set; }
        public long SaveChangesTicks { get; set; }

        public void Reset()
        {
            Commands = [];
            SaveChanges = 0;
            SaveChangesTicks = 0;
        }

        public Counter Copy() => new() { Commands = new(Commands), SaveChanges = SaveChanges, SaveChangesTicks = SaveChangesTicks };

        public void Add(string sql, long ticks)
        {
            var words = sql.Split([' ', '\n', '\r', '(', ';'], StringSplitOptions.RemoveEmptyEntries);
            var kind = words.Length == 0 ? "?" : words[0] switch
            {
                "INSERT" => $"INSERT INTO {words.ElementAtOrDefault(2)}{(sql.Contains(" SELECT ") ? " … SELECT" : sql.Split("VALUES").Length > 1 && sql.Split("), (").Length > 1 ? " (multi-row)" : "")}",
                "UPDATE" => $"UPDATE {words.ElementAtOrDefault(1)}",
                "SELECT" => "SELECT",
                _ => words[0],
            };
            Commands[kind] = Commands.TryGetValue(kind, out var c) ? (c.Count + 1, c.Ticks + ticks) : (1, ticks);
        }
    }

    private sealed class CountingFactory(string file, Counter counter) : IDbContextFactory<GrowthDbContext>
    {
        public GrowthDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<GrowthDbContext>();
            GrowthDatabase.Configure(builder, DatabaseOptions.Sqlite, $"Data Source={file}");
            builder.AddInterceptors(new Commands(counter), new Saves(counter));
            return new GrowthDbContext(builder.Options);
        }
    }

    private sealed class Commands(Counter counter) : DbCommandInterceptor
    {
        private long _started;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _started = CpuPerCall.ThreadCpuNanoseconds();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            counter.Add(command.CommandText, CpuPerCall.ThreadCpuNanoseconds() - _started);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _started = CpuPerCall.ThreadCpuNanoseconds();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            counter.Add(command.CommandText, CpuPerCall.ThreadCpuNanoseconds() - _started);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _started = CpuPerCall.ThreadCpuNanoseconds();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            counter.Add(command.CommandText, CpuPerCall.ThreadCpuNanoseconds() - _started);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Saves(Counter counter) : SaveChangesInterceptor
    {
        private long _started;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _started = CpuPerCall.ThreadCpuNanoseconds();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            counter.SaveChanges++;
            counter.SaveChangesTicks += CpuPerCall.ThreadCpuNanoseconds() - _started;
            return ValueTask.FromResult(result);
        }
    }
}
