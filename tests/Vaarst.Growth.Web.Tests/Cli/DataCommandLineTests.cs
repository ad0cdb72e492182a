using Microsoft.Data.Sqlite;
using Vaarst.Growth.Web.Cli;

namespace Vaarst.Growth.Web.Tests.Cli;

public sealed class DataCommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-cli-tests", Guid.NewGuid().ToString("N"));

    public DataCommandLineTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Generate_into_a_new_database_file_migrates_it_and_prints_counts_and_time()
    {
        var file = Path.Combine(_folder, "generated.db");

        var (exit, output, error) = await RunAsync(null, "data", "generate", "--engineers", "16", "--seed", "3", "--database", file);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("(16 engineers, 3 managers, 20 panel members, 2 administrators)", output); // 2 line managers + 1 head
        Assert.Contains("Framework:            5 pages, 240 statements", output);
        Assert.Contains("Evidence:             160 pieces", output);
        Assert.Matches(@"Generated in \d+\.\d s", output);
        Assert.Equal(16, Scalar(file, "SELECT COUNT(*) FROM People WHERE Roles = 1"));
        Assert.Equal(20, Scalar(file, "SELECT COUNT(*) FROM CalibrationSessions"));
    }

    [Fact]
    public async Task Generate_into_a_database_that_holds_people_refuses_and_changes_nothing()
    {
        var file = Path.Combine(_folder, "generated.db");
        await RunAsync(null, "data", "generate", "--engineers", "8", "--database", file);
        var people = Scalar(file, "SELECT COUNT(*) FROM People");

        var (exit, _, error) = await RunAsync(null, "data", "generate", "--engineers", "8", "--database", file);

        Assert.Equal(1, exit);
        Assert.Contains($"already holds {people} people", error);
        Assert.Contains("nothing was generated", error);
        Assert.Equal(people, Scalar(file, "SELECT COUNT(*) FROM People"));
    }

    [Fact]
    public async Task Generate_without_database_option_fills_the_configured_database()
    {
        var file = Path.Combine(_folder, "configured.db");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Growth"] = $"Data Source={file}",
            ["Database:Provider"] = "Sqlite",
        };

        var (exit, _, _) = await RunAsync(settings, "data", "generate", "--engineers", "4");

        Assert.Equal(0, exit);
        Assert.Equal(4, Scalar(file, "SELECT COUNT(*) FROM People WHERE Roles = 1"));
    }

    [Fact]
    public async Task Generate_zero_engineers_is_refused_before_touching_any_database()
    {
        var file = Path.Combine(_folder, "none.db");

        var (exit, _, error) = await RunAsync(null, "data", "generate", "--engineers", "0", "--database", file);

        Assert.Equal(1, exit);
        Assert.Contains("at least one engineer", error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Pages_writes_fifty_framework_pages_that_validate()
    {
        var pages = Path.Combine(_folder, "pages");

        var (exit, output, _) = await RunAsync(null, "data", "pages", pages);
        var validation = await RunAsync(null, "framework", "validate", pages);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote 50 framework pages", output);
        Assert.Equal(0, validation.Exit);
        Assert.Equal(50, validation.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await GrowthCommandLine.RunAsync(args, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
