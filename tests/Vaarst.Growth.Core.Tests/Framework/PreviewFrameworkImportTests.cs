using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Framework;

public sealed class PreviewFrameworkImportTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code and analyse the results.";
    private const string Fixed = "I can write performance/benchmarking code and analyse the results.";
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));

    [Fact]
    public async Task Preview_changed_statement_reports_the_change_and_the_item_to_flag_and_writes_nothing()
    {
        await using var s = await Scenario.CreateAsync();
        var statementId = await s.StatementAsync(Benchmarking);
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, statementId, ItemStatus.SignedOff);
        var before = await RowCountsAsync(s);

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed.Replace(Benchmarking, Fixed))], Ct);

        Assert.Empty(preview.Problems);
        Assert.True(preview.CanImport);
        Assert.Equal(1, preview.CurrentVersion);
        var change = Assert.Single(preview.Changes);
        Assert.Contains("statement changed", change);
        Assert.Contains(Fixed, change);
        Assert.Equal(1, preview.ItemsToFlag);
        Assert.Equal("Upload: level4.md", preview.Source);

        Assert.Equal(before, await RowCountsAsync(s));
        Assert.Equal(Benchmarking, (await s.Database.CreateDbContext().Statements.SingleAsync(x => x.Id == statementId, Ct)).Text);
        Assert.False((await s.ItemAsync(itemId)).NeedsReconfirmation);

        // The preview ran the import's own rules: importing what was previewed does exactly what it said.
        var imported = await s.UseCase<ImportFramework>().HandleAsync(s.Admin, preview.ToImportRequest(), Ct);
        Assert.Equal(preview.Changes, imported.Changes);
        Assert.Equal(preview.ItemsToFlag, imported.ItemsFlagged);
        Assert.Equal(2, imported.VersionNumber);
        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
    }

    [Fact]
    public async Task Preview_of_the_current_content_says_it_matches_and_cannot_be_imported()
    {
        await using var s = await Scenario.CreateAsync();
        var before = await RowCountsAsync(s);

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed.Replace("\n", "\r\n"))], Ct);

        Assert.True(preview.MatchesCurrent);
        Assert.False(preview.CanImport);
        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Changes);
        Assert.Equal(0, preview.ItemsToFlag);
        Assert.Equal(before, await RowCountsAsync(s));
    }

    [Fact]
    public async Task Preview_of_malformed_pages_lists_every_problem_by_file_and_line_and_offers_nothing_to_import()
    {
        await using var s = await Scenario.CreateAsync();
        var before = await RowCountsAsync(s);
        var broken = Seed.Replace("title: Level 4 (Mid)", "title: Mid level");

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin,
            [new FrameworkUpload("good.md", Seed.Replace(Benchmarking, Fixed)), new FrameworkUpload("broken.md", broken), new FrameworkUpload("copy.md", Seed)], Ct);

        Assert.False(preview.CanImport);
        Assert.False(preview.MatchesCurrent);
        Assert.Empty(preview.Pages);
        Assert.Empty(preview.Changes);
        var problems = preview.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("broken.md:3: The title 'Mid level' must look like 'Level 4 (Mid)'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("copy.md:1: Level 4 of the craft 'ML and Edge ML Engineer Craft'", StringComparison.Ordinal) && p.Contains("good.md"));
        Assert.Equal(before, await RowCountsAsync(s));
    }

    [Fact]
    public async Task Preview_names_a_file_chosen_twice()
    {
        await using var s = await Scenario.CreateAsync();

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed), new FrameworkUpload("LEVEL4.md", Seed)], Ct);

        Assert.False(preview.CanImport);
        Assert.Contains(preview.Problems, p => p.File == "level4.md" && p.Message.Contains("Two chosen files have this name"));
    }

    [Theory]
    [InlineData(0, 10, "notes.md", "Choose at least one framework page")]
    [InlineData(101, 10, "page.md", "101 files were chosen; at most 100")]
    [InlineData(1, 1024 * 1024 + 1, "huge.md", "huge.md is larger than 1 MB (1,048,577 bytes); a framework page may be at most 1 MB.")]
    [InlineData(1, 10, "level4.txt", "level4.txt is not a Markdown page")]
    public void CheckChoice_refuses_what_it_cannot_read_with_a_clear_message(int count, long bytes, string name, string message)
    {
        var problems = PreviewFrameworkImport.CheckChoice(Enumerable.Range(0, count).Select(i => (count > 1 ? $"{i}-{name}" : name, bytes)).ToList());

        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_of_an_oversized_page_is_refused_before_parsing()
    {
        await using var s = await Scenario.CreateAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("big.md", new string('x', PreviewFrameworkImport.MaxFileBytes + 1))], Ct));

        Assert.Contains("big.md is", ex.Message);
    }

    [Fact]
    public async Task Import_after_another_import_since_the_preview_is_a_conflict_and_writes_nothing()
    {
        await using var s = await Scenario.CreateAsync();
        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed.Replace(Benchmarking, Fixed))], Ct);
        var other = Seed.Replace(" <br><br> I am familiar with media and streaming libraries", " <br><br> I know media and streaming libraries");
        await s.UseCase<ImportFramework>().HandleAsync(s.Admin, new ImportFrameworkRequest(FrameworkPageParser.Parse("level4.md", other).Pages, "someone else"), Ct);
        var before = await RowCountsAsync(s);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => s.UseCase<ImportFramework>().HandleAsync(s.Admin, preview.ToImportRequest(), Ct));

        Assert.Contains("changed since your preview", ex.Message);
        Assert.Equal(before, await RowCountsAsync(s));
        var again = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed.Replace(Benchmarking, Fixed))], Ct);
        Assert.Equal(2, again.CurrentVersion);
        Assert.Equal(2, again.Changes.Count);
    }

    [Fact]
    public async Task Versions_are_listed_newest_first_with_who_imported_and_the_audit_event_names_the_importer()
    {
        await using var s = await Scenario.CreateAsync();
        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", Seed.Replace(Benchmarking, Fixed))], Ct);
        await s.UseCase<ImportFramework>().HandleAsync(s.Admin, preview.ToImportRequest(), Ct);

        var versions = await s.UseCase<GetFrameworkVersions>().HandleAsync(s.Admin, Ct);

        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(("Ada Admin", "Upload: level4.md"), (versions[0].ImportedBy, versions[0].Source));
        Assert.Contains("1 change(s), 0 item(s) flagged", versions[0].Summary);
        Assert.Null(versions[1].ImportedBy);
        await using var db = s.Database.CreateDbContext();
        var imported = await db.AuditEvents.Where(e => e.Type == AuditEventTypes.FrameworkImported).OrderByDescending(e => e.Id).FirstAsync(Ct);
        Assert.Equal((s.Admin.PersonId, "Ada Admin", "2"), (imported.ActorId, imported.ActorName, imported.SubjectId));
    }

    /// <summary>Every table an import writes to, counted.</summary>
    private static async Task<(int Versions, int Crafts, int Levels, int Sections, int Areas, int Statements, int Revisions, int Audit, int Notifications, int Flagged)> RowCountsAsync(Scenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return (await db.FrameworkVersions.CountAsync(Ct), await db.Crafts.CountAsync(Ct), await db.Levels.CountAsync(Ct), await db.Sections.CountAsync(Ct),
            await db.Areas.CountAsync(Ct), await db.Statements.CountAsync(Ct), await db.Set<StatementRevision>().CountAsync(Ct),
            await db.AuditEvents.CountAsync(Ct), await db.Notifications.CountAsync(Ct), await db.ChecklistItems.CountAsync(i => i.NeedsReconfirmation, Ct));
    }
}
