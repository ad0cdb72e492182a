using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vaarst.Growth.Web.Cli;

namespace Vaarst.Growth.Web.Tests.Cli;

public sealed class FrameworkCommandLineTests : IDisposable
{
    private static readonly string SeedPage = RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-cli-tests", Guid.NewGuid().ToString("N"));

    public FrameworkCommandLineTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Validate_seed_page_exits_0_and_summarises_it()
    {
        var (exit, output, error) = await RunAsync("framework", "validate", SeedPage);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("ML and Edge ML Engineer Craft · Level 4 (Mid): 3 sections, 7 areas (2 not yet defined), 16 statements", output);
    }

    [Fact]
    public async Task Validate_json_prints_the_documented_shape()
    {
        var (exit, output, _) = await RunAsync("framework", "validate", SeedPage, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var page = json.RootElement.GetProperty("pages").EnumerateArray().Single();
        Assert.Equal(SeedPage, page.GetProperty("file").GetString());
        Assert.Equal("Vaarst Career Framework", page.GetProperty("framework").GetString());
        Assert.Equal("ML and Edge ML Engineer Craft", page.GetProperty("craft").GetString());
        Assert.Equal(4, page.GetProperty("level").GetInt32());
        Assert.Equal("Mid", page.GetProperty("levelTitle").GetString());
        var all = page.GetProperty("sections")[0];
        Assert.Equal("All", all.GetProperty("name").GetString());
        var mlOps = all.GetProperty("areas")[0];
        Assert.Equal("ML Ops", mlOps.GetProperty("name").GetString());
        Assert.Equal("ml-ops", mlOps.GetProperty("anchor").GetString());
        Assert.True(mlOps.GetProperty("defined").GetBoolean());
        Assert.StartsWith("I use technologies for code, data and model versioning", mlOps.GetProperty("statements")[0].GetString());
        Assert.Equal(["name", "anchor", "defined", "statements"], mlOps.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("quotes")]
    [InlineData("brackets")]
    [InlineData("tables")]
    public async Task Validate_page_nested_too_deeply_exits_1_with_file_line_and_no_stack_trace(string attack)
    {
        var page = Path.Combine(_folder, "level4.md");
        var hostile = attack switch
        {
            "quotes" => new string('>', 5_000),
            "brackets" => "| Data | " + new string('[', 100_000) + " |",
            _ => string.Concat(Enumerable.Repeat("> ", 20_000)) + "| a | b |",
        };
        File.WriteAllText(page, File.ReadAllText(SeedPage).TrimEnd() + "\n\n" + hostile + "\n");
        var line = File.ReadAllLines(page).Length;

        var (exit, _, error) = await RunAsync("framework", "validate", page);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{page}:{line}: ", error.Trim());
        Assert.Matches("nested too deeply|characters long", error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Validate_unseen_folder_with_a_malformed_page_exits_1_with_file_and_line()
    {
        var good = Path.Combine(_folder, "level5.md");
        var bad = Path.Combine(_folder, "level6.md");
        File.WriteAllText(good, File.ReadAllText(SeedPage).Replace("title: Level 4 (Mid)", "title: Level 5 (Senior)"));
        File.WriteAllText(bad, File.ReadAllText(SeedPage).Replace("title: Level 4 (Mid)", "title: Staff engineer"));

        var (exit, output, error) = await RunAsync("framework", "validate", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("Level 5 (Senior)", output);
        Assert.StartsWith($"{bad}:3: ", error.Trim());
    }

    [Fact]
    public async Task Validate_missing_path_exits_non_zero()
    {
        var (exit, _, error) = await RunAsync("framework", "validate", Path.Combine(_folder, "nope.md"));

        Assert.NotEqual(0, exit);
        Assert.Contains("nope.md", error);
    }

    [Fact]
    public async Task Import_into_a_fresh_database_then_again_reports_no_changes()
    {
        var settings = Settings();

        var first = await RunAsync(settings, "framework", "import", SeedPage);
        var second = await RunAsync(settings, "framework", "import", SeedPage);

        Assert.Equal(0, first.Exit);
        Assert.Contains("Imported framework version 1", first.Output);
        Assert.Contains("new statement: \"I can to write performance/benchmarking code and analyse the results.\"", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("No changes", second.Output);
    }

    [Fact]
    public async Task Import_malformed_page_imports_nothing()
    {
        var bad = Path.Combine(_folder, "bad.md");
        File.WriteAllText(bad, File.ReadAllText(SeedPage).Replace("| [AI Governance](/careerframework/mlengineer#ai-governance) | I understand risks", "| [AI Governance](/careerframework/mlengineer#ai-governance) |  |\n| x | I understand risks"));
        var settings = Settings();

        var (exit, _, error) = await RunAsync(settings, "framework", "import", bad);

        Assert.Equal(1, exit);
        Assert.Contains($"{bad}:17: ", error);
        Assert.Contains("Nothing was imported.", error);
        Assert.False(File.Exists(Path.Combine(_folder, "growth.db")), "A malformed import must not even create the database.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Growth"] = $"Data Source={Path.Combine(_folder, "growth.db")}",
        ["Database:Provider"] = "Sqlite",
    };

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await GrowthCommandLine.RunAsync(args, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
