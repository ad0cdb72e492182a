using System.Net;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Markdown;

public sealed class BoundedMarkdownTests
{
    private const string FrontMatter = "---\ntitle: Level 2 (Junior)\nparent: Test Craft\ngrand_parent: Test Framework\n---\n";
    private static readonly EvidenceDetails Details = new("Notes on the harness", new DateOnly(2026, 10, 1), null);

    public static TheoryData<string, string> Hostile => HostileMarkdown.All();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Validate_refuses_hostile_notes_with_a_message(string name, string markdown)
    {
        var ex = Assert.Throws<ValidationException>(() => NoteRenderer.Validate(markdown));

        Assert.Matches("nested|characters long", ex.Message);
        Assert.DoesNotContain("Exception", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_of_a_stored_hostile_note_shows_it_as_escaped_text_with_a_notice(string name, string markdown)
    {
        var note = NoteRenderer.Render(markdown + "<script>alert(1)</script>");

        Assert.True(note.IsPlainText, name);
        Assert.DoesNotContain("<script", note.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<blockquote", note.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WebUtility.HtmlEncode(markdown[..Math.Min(200, markdown.Length)]), note.Html);
        Assert.False(string.IsNullOrWhiteSpace(note.Notice));
    }

    [Fact]
    public void Render_of_an_ordinary_note_is_formatted_without_a_notice()
    {
        var note = NoteRenderer.Render("> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done");

        Assert.False(note.IsPlainText);
        Assert.Null(note.Notice);
        Assert.Contains("<blockquote>", note.Html);
        Assert.Contains("<table>", note.Html);
        NoteRenderer.Validate("> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AddNoteEvidence_and_EditEvidence_refuse_hostile_notes_and_save_nothing(string name, string markdown)
    {
        await using var s = await CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<AddNoteEvidence>().HandleAsync(s.Edge, new AddNoteEvidenceRequest(Details, markdown, []), Ct));
        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());

        var id = await s.UseCase<AddNoteEvidence>().HandleAsync(s.Edge, new AddNoteEvidenceRequest(Details, "A fine note", []), Ct);
        var version = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Version;
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(id, version, Details, Markdown: markdown), Ct));
        await using var db = s.Database.CreateDbContext();
        Assert.Equal("A fine note", await db.Evidence.Where(e => e.Id == id).Select(e => e.NoteMarkdown).SingleAsync(Ct));
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Framework_page_with_hostile_markdown_is_a_file_line_problem(string name, string markdown)
    {
        // The hostile text starts on line 12, after an area's table.
        var page = FrontMatter + "## Craft - All\n\n| Area | Description |\n|:--|:--|\n| Data | I can do it |\n\n" + markdown + "\n";

        var result = FrameworkPageParser.Parse("page.md", page);

        Assert.Empty(result.Pages);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("page.md", problem.File);
        Assert.InRange(problem.Line, 12, 12 + markdown.Count(c => c == '\n'));
        Assert.Matches("nested|characters long", problem.Message);
        Assert.StartsWith($"page.md:{problem.Line}: ", problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Admin_import_preview_of_a_hostile_page_lists_the_problem_and_imports_nothing(string name, string markdown)
    {
        await using var s = await CreateAsync();
        var seed = await File.ReadAllTextAsync(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"), Ct);

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", seed.TrimEnd() + "\n\n" + markdown + "\n")], Ct);

        Assert.False(preview.CanImport, name);
        var problem = Assert.Single(preview.Problems);
        Assert.Equal("level4.md", problem.File);
        Assert.Matches("nested|characters long", problem.Message);
    }

    [Fact]
    public void Framework_page_with_a_cell_of_brackets_is_a_problem_on_its_row()
    {
        var page = FrontMatter + "## Craft - All\n\n| Area | Description |\n|:--|:--|\n| Data | " + new string('[', 100_000) + " |\n";

        var problem = Assert.Single(FrameworkPageParser.Parse("page.md", page).Problems);

        Assert.Equal(10, problem.Line);
    }

    [Fact]
    public void Framework_page_with_deeply_nested_front_matter_is_a_problem_on_its_line()
    {
        var page = "---\ntitle: " + new string('[', 20_000) + "\nparent: Test Craft\ngrand_parent: Test Framework\n---\n## Craft - All\n";

        var problem = Assert.Single(FrameworkPageParser.Parse("page.md", page).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("nested", problem.Message);
    }

    [Fact]
    public void Framework_page_over_the_size_limit_is_a_problem()
    {
        var page = FrontMatter + "## Craft - All\n\n" + string.Concat(Enumerable.Repeat("Some text that goes on.\n", MarkdownLimits.MaxFrameworkPageLength / 20));

        var problem = Assert.Single(FrameworkPageParser.Parse("page.md", page).Problems);

        Assert.Contains("characters long", problem.Message);
    }
}
