using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Benchmarks;

/// <summary>Parsing and importing 50 framework pages into an empty database (the first import, the expensive one).</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _folder = default!;
    private IReadOnlyList<FrameworkPage> _pages = [];
    private string _file = default!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-benchmarks", "pages-" + Guid.NewGuid().ToString("N"));
        await SyntheticFramework.WritePagesAsync(_folder, new GeneratorOptions { Crafts = 10, Levels = 5 }, CancellationToken.None);
        _pages = FrameworkPageParser.ParsePath(_folder).Pages;
        if (_pages.Count != 50)
        {
            throw new InvalidOperationException($"Expected 50 pages, got {_pages.Count}.");
        }
    }

    [IterationSetup(Target = nameof(Import50Pages))]
    public void FreshDatabase()
    {
        _file = Path.Combine(Path.GetTempPath(), "vaarst-growth-benchmarks", $"import-{Guid.NewGuid():N}.db");
        using var db = Factory().CreateDbContext();
        db.Database.Migrate();
    }

    [IterationCleanup(Target = nameof(Import50Pages))]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "Parse 50 pages")]
    public int Parse50Pages() => FrameworkPageParser.ParsePath(_folder).Pages.Count;

    [Benchmark(Description = "Import 50 pages (parsed)")]
    public Task<ImportFrameworkResult> Import50Pages() =>
        new ImportFramework(Factory(), new InAppNotificationSender(TimeProvider.System), TimeProvider.System)
            .HandleAsync(Actor.System, new ImportFrameworkRequest(_pages, _folder));

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private Factory Factory() => new(_file);
}

internal sealed class Factory(string file) : IDbContextFactory<GrowthDbContext>
{
    public GrowthDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, DatabaseOptions.Sqlite, $"Data Source={file}");
        return new GrowthDbContext(builder.Options);
    }
}
