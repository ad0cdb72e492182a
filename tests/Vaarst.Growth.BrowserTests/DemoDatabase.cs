using Microsoft.Data.Sqlite;

namespace Vaarst.Growth.BrowserTests;

/// <summary>
/// The demo organisation's database as the first app of the run left it just after starting (migrated, framework
/// imported, demo organisation seeded, no test run yet). Every later app starts from a copy: its own start-up still
/// runs every step (migrate, import the framework, seed), finds nothing to do, and the class gets the same fresh demo
/// organisation for a file copy instead of a migration and a seed (docs/performance.md, "CI time").
/// </summary>
internal static class DemoDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"vaarst-growth-browser-template-{Environment.ProcessId}");
    private static string? _template;

    /// <summary>Starts an app on <paramref name="databaseFile"/>: a copy of the template, or, the first time, a new database the template is then taken from.</summary>
    public static async Task StartAsync(string databaseFile, Action start)
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_template is not null)
            {
                File.Copy(_template, databaseFile);
            }
            else
            {
                start();
                Directory.CreateDirectory(Folder);
                var template = Path.Combine(Folder, "growth.db");
                // A consistent snapshot of the live database, taken before any test has touched it.
                await using (var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
                {
                    await connection.OpenAsync(TestContext.Current.CancellationToken);
                    await using var vacuum = connection.CreateCommand();
                    vacuum.CommandText = "VACUUM INTO $path";
                    vacuum.Parameters.AddWithValue("$path", template);
                    await vacuum.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                }

                _template = template;
                return;
            }
        }
        finally
        {
            Gate.Release();
        }

        start();
    }

    /// <summary>Removes the template at the end of the run.</summary>
    public static void Delete()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
