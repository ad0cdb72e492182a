using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Vaarst.Growth.Web.Features.Framework;

namespace Vaarst.Growth.Web.Tests.Features.Framework;

public sealed class FrameworkImportPageTests(SeededDatabase shared) : ComponentTestContext, IClassFixture<SeededDatabase>
{
    private const string NiaAdeyemi = "nia.adeyemi@vaarst.example";
    private const string Benchmarking = "I can to write performance/benchmarking code and analyse the results.";
    private const string Fixed = "I can write performance/benchmarking code and analyse the results.";
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));

    [Fact]
    public async Task FrameworkImportPage_previews_a_changed_statement_without_importing_it()
    {
        await SignInAsync(shared, NiaAdeyemi);
        var page = Render<FrameworkImportPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=import-history] tbody tr")));

        Choose(page, ("level4.md", Seed.Replace(Benchmarking, Fixed)));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-changes]")));
        var change = Assert.Single(page.FindAll("[data-testid=import-change]"));
        Assert.Contains("statement changed", change.TextContent);
        Assert.Contains(Fixed, change.TextContent);
        Assert.Contains("0 signed-off item(s) will need re-confirmation.", page.Find("[data-testid=import-flag-count]").TextContent);
        Assert.Contains("framework version 2", page.Find("[data-testid=import-preview]").TextContent);
        Assert.False(page.Find("[data-testid=import-apply]").HasAttribute("disabled"));
        Assert.Equal("Import", page.Find("[data-testid=import-apply]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=import-history] tbody tr"));
    }

    [Fact]
    public async Task FrameworkImportPage_shows_each_problem_by_file_and_line_and_disables_import()
    {
        await SignInAsync(shared, NiaAdeyemi);
        var page = Render<FrameworkImportPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-history]")));

        Choose(page, ("level4.md", Seed.Replace(Benchmarking, Fixed)), ("broken.md", Seed.Replace("title: Level 4 (Mid)", "title: Mid level")));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-problems]")));
        Assert.Contains(page.FindAll("[data-testid=import-problem]"), p => p.TextContent.StartsWith("broken.md:3: The title 'Mid level'"));
        Assert.Contains("nothing can be imported until they are fixed", page.Find("[data-testid=import-problems]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=import-changes]"));
        Assert.True(page.Find("[data-testid=import-apply]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task FrameworkImportPage_says_when_the_pages_match_the_current_framework()
    {
        await SignInAsync(shared, NiaAdeyemi);
        var page = Render<FrameworkImportPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-history]")));

        Choose(page, ("level4.md", Seed));

        page.WaitForAssertion(() => Assert.Equal(
            "These pages match the current framework; importing would change nothing.", page.Find("[data-testid=import-unchanged]").TextContent.Trim()));
        Assert.True(page.Find("[data-testid=import-apply]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task FrameworkImportPage_refuses_a_file_that_is_not_markdown_before_reading_it()
    {
        await SignInAsync(shared, NiaAdeyemi);
        var page = Render<FrameworkImportPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-history]")));

        Choose(page, ("level4.txt", Seed));

        page.WaitForAssertion(() => Assert.Contains("level4.txt is not a Markdown page", page.Find("[data-testid=import-choice-problems]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
    }

    [Fact]
    public async Task FrameworkImportPage_imports_the_preview_and_shows_the_new_version_in_the_history()
    {
        await using var database = await SeededDatabase.CreateAsync();
        await SignInAsync(database, NiaAdeyemi);
        var page = Render<FrameworkImportPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-history]")));
        Choose(page, ("level4.md", Seed.Replace(Benchmarking, Fixed)));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-changes]")));

        page.Find("[data-testid=import-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("Imported as framework version 2", page.Find("[data-testid=import-result]").TextContent));
        Assert.Contains("1 change(s)", page.Find("[data-testid=import-result]").TextContent);
        Assert.Contains("item(s) flagged for re-confirmation", page.Find("[data-testid=import-result]").TextContent);
        // A live region, so a screen reader announces the outcome of the import.
        Assert.Equal("status", page.Find("[data-testid=import-result]").GetAttribute("role"));
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
        var rows = page.FindAll("[data-testid=import-history] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Nia Adeyemi", rows[0].TextContent);
        Assert.Contains("Upload: level4.md", rows[0].TextContent);
        Assert.StartsWith("2", rows[0].QuerySelector("td")!.TextContent.Trim());
    }

    [Fact]
    public async Task FrameworkImportPage_for_someone_who_is_not_an_administrator_shows_the_access_denied_page()
    {
        await SignInAsync(shared, SeededDatabase.SamLee);

        var page = Render<FrameworkImportPage>();

        page.WaitForAssertion(() => Assert.Contains("This page is not part of your role", page.Markup));
        Assert.Empty(page.FindAll("input[type=file]"));
        Assert.Empty(page.FindAll("[data-testid=import-history]"));
    }

    private static void Choose(IRenderedComponent<FrameworkImportPage> page, params (string Name, string Text)[] files) =>
        page.FindComponent<InputFile>().UploadFiles(files.Select(f => InputFileContent.CreateFromText(f.Text, f.Name)).ToArray());
}
