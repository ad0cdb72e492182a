using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Data;

/// <summary>
/// The rules SQLite and SQL Server would otherwise apply differently — text lengths, letter case in names that
/// identify, unique violations — decided once and held the same on both (this class also runs in the SQL Server lane).
/// </summary>
public sealed class ProviderParityTests
{
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));
    private const string MlOpsRow = "| [ML Ops](/careerframework/mlengineer#ml-ops) | I use technologies for code";

    [Fact]
    public async Task Statement_of_5000_characters_is_a_file_line_problem_and_nothing_is_imported()
    {
        await using var s = await CreateAsync();
        var versionsBefore = await s.CountAsync<FrameworkVersion>();
        var page = Seed.Replace(MlOpsRow, $"| [ML Ops](/careerframework/mlengineer#ml-ops) | {new string('x', 5000)} <br><br> I use technologies for code");
        var line = LineOf(page, "#ml-ops)");

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", page)], Ct);

        var problem = Assert.Single(preview.Problems);
        Assert.Equal($"level4.md:{line}: Statement 1 of the area 'ML Ops' is 5,000 characters long; the limit is {TextLimits.StatementText:N0}.", problem.ToString());
        Assert.False(preview.CanImport);
        Assert.Empty(preview.Pages);
        Assert.Equal(versionsBefore, await s.CountAsync<FrameworkVersion>());
    }

    [Fact]
    public async Task Area_name_of_400_characters_is_a_file_line_problem_and_nothing_is_imported()
    {
        await using var s = await CreateAsync();
        var versionsBefore = await s.CountAsync<FrameworkVersion>();
        var name = new string('A', 400);
        var page = Seed.Replace("| [ML Ops](/careerframework/mlengineer#ml-ops) |", $"| [{name}](/careerframework/mlengineer#ml-ops) |");

        var preview = await s.UseCase<PreviewFrameworkImport>().HandleAsync(s.Admin, [new FrameworkUpload("level4.md", page)], Ct);

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(("level4.md", LineOf(page, "#ml-ops)")), (problem.File, problem.Line));
        Assert.Contains($"is 400 characters long; the limit is {TextLimits.AreaName}", problem.Message);
        Assert.Empty(preview.Pages);
        Assert.Equal(versionsBefore, await s.CountAsync<FrameworkVersion>());
    }

    [Fact]
    public async Task Statement_over_the_limit_handed_to_the_import_directly_is_refused_with_file_and_line()
    {
        await using var s = await CreateAsync();
        var statementsBefore = await s.CountAsync<Statement>();
        var page = FrameworkPageParser.Parse("level4.md", Seed).Pages.Single();
        var area = page.Sections[0].Areas[0];
        var tooLong = page with { Sections = [page.Sections[0] with { Areas = [area with { Statements = [new string('y', 5000)] }] }] };

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<ImportFramework>().HandleAsync(s.Admin, new ImportFrameworkRequest([tooLong], "test"), Ct));

        Assert.StartsWith($"level4.md:{area.Line}: ", ex.Message);
        Assert.Equal(statementsBefore, await s.CountAsync<Statement>());
    }

    [Fact]
    public async Task Evidence_title_of_2000_characters_is_refused_naming_the_title_and_nothing_is_saved()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync("I can to write performance/benchmarking code");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge,
            new AddLinkEvidenceRequest(new EvidenceDetails(new string('t', 2000), new DateOnly(2026, 10, 1), null), "https://example.com/pr/1", [statement]), Ct));

        Assert.Contains("title", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
        Assert.Equal(0, await s.CountAsync<ChecklistItem>());
    }

    [Fact]
    public async Task Any_over_long_text_is_refused_at_save_naming_the_field_and_nothing_is_saved()
    {
        await using var s = await CreateAsync();
        var peopleBefore = await s.CountAsync<Person>();
        await using var db = s.Database.CreateDbContext();
        db.People.Add(new Person { Name = new string('n', TextLimits.PersonName + 1), Email = "long@vaarst.example", Roles = Roles.Engineer });
        db.People.Add(new Person { Name = "Fine", Email = "fine@vaarst.example", Roles = Roles.Engineer });

        var ex = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal($"The person name is {TextLimits.PersonName + 1} characters long; the limit is {TextLimits.PersonName}. Nothing was saved.", ex.Message);
        Assert.Equal(peopleBefore, await s.CountAsync<Person>());
    }

    [Fact]
    public async Task Anchor_and_section_renamed_only_in_letter_case_keep_their_rows_and_take_the_new_spelling()
    {
        await using var s = await CreateAsync();
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync("I understand the ML algorithms"), ItemStatus.SignedOff);
        int areaId, sectionId;
        await using (var db = s.Database.CreateDbContext())
        {
            areaId = await db.Areas.Where(a => a.Anchor == "ml-ops").Select(a => a.Id).SingleAsync(Ct);
            sectionId = await db.Sections.Where(x => x.Name == "ML Engineer" && x.Level!.Number == 4).Select(x => x.Id).SingleAsync(Ct);
        }

        var renamed = Seed.Replace("#ml-ops)", "#ML-Ops)").Replace("## Craft - ML Engineer", "## Craft - ML engineer");
        var result = await s.UseCase<ImportFramework>().HandleAsync(s.Admin, new ImportFrameworkRequest(FrameworkPageParser.Parse("level4.md", renamed).Pages, "test"), Ct);

        Assert.True(result.Changed);
        Assert.Contains(result.Changes, c => c.Contains("section \"ML Engineer\" renamed to \"ML engineer\"", StringComparison.Ordinal));
        Assert.Contains(result.Changes, c => c.Contains("area \"ML Ops\" renamed or relinked", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Changes, c => c.Contains("new area", StringComparison.Ordinal) || c.Contains("new section", StringComparison.Ordinal) || c.Contains("removed", StringComparison.Ordinal));
        await using (var db = s.Database.CreateDbContext())
        {
            var area = await db.Areas.SingleAsync(a => a.Id == areaId, Ct);
            Assert.Equal(("ML-Ops", (int?)null), (area.Anchor, area.RetiredInVersionId));
            var section = await db.Sections.SingleAsync(x => x.Id == sectionId, Ct);
            Assert.Equal(("ML engineer", (int?)null), (section.Name, section.RetiredInVersionId));
            Assert.Equal(0, await db.Areas.CountAsync(a => a.RetiredInVersionId != null, Ct));
            Assert.Equal(0, await db.Sections.CountAsync(x => x.RetiredInVersionId != null, Ct));
            // Looking a name up in either spelling finds the one row, as SQL Server's collation does.
            Assert.Equal(areaId, await db.Areas.Where(a => a.Anchor == "ml-ops").Select(a => a.Id).SingleAsync(Ct));
        }

        var item = await s.ItemAsync(itemId);
        Assert.Equal((ItemStatus.SignedOff, false), (item.Status, item.NeedsReconfirmation));
    }

    [Fact]
    public async Task Email_compares_without_letter_case_in_the_database()
    {
        await using var s = await CreateAsync();
        await using var db = s.Database.CreateDbContext();

        var found = await db.People.Where(p => p.Email == "MIA@Vaarst.Example").Select(p => p.Id).SingleAsync(Ct);

        Assert.Equal(s.Manager.PersonId, found);
    }

    [Fact]
    public async Task Unique_violation_is_recognised_by_the_provider_error_code()
    {
        await using var s = await CreateAsync();
        await using var db = s.Database.CreateDbContext();
        db.People.Add(new Person { Name = "Mia Again", Email = "MIA@vaarst.example", Roles = Roles.Engineer });

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(UniqueViolation.Is(ex), ex.InnerException?.ToString());
    }

    [Fact]
    public async Task Other_constraint_failures_are_not_taken_for_unique_violations()
    {
        await using var s = await CreateAsync();
        await using var db = s.Database.CreateDbContext();
        db.People.Add(new Person { Name = "Orphan", Email = "orphan@vaarst.example", Roles = Roles.Engineer, ManagerId = 999_999 });

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.False(UniqueViolation.Is(ex), ex.InnerException?.ToString());
    }

    [Fact]
    public async Task Import_writes_the_same_rows_through_EF_as_through_the_set_based_inserts()
    {
        var pages = FrameworkPageParser.ParsePath(RepositoryRoot.Combine("seed-content", "careerframework")).Pages;
        var changed = FrameworkPageParser.Parse("level4.md", Seed.Replace("I can implement algorithms", "I can implement and test algorithms")).Pages;

        async Task<(List<string> Statements, List<string> Revisions, List<string> SectionsAndAreas)> ImportTwiceAsync(bool setBased)
        {
            await using var database = await TestDatabase.CreateAsync();
            foreach (var request in new[] { new ImportFrameworkRequest(pages, "seed"), new ImportFrameworkRequest(changed, "edit") })
            {
                await using var db = database.CreateDbContext();
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                await ImportFramework.ApplyAsync(db, Actor.System, request, database.Clock.GetUtcNow().UtcDateTime, Ct, setBased);
                await transaction.CommitAsync(Ct);
            }

            await using var read = database.CreateDbContext();
            // Compared without ids: the two paths may number rows in a different order.
            var statements = await read.Statements
                .Select(x => $"{x.Area!.Section!.Level!.Number}/{x.Area.Section.Name}/{x.Area.Anchor}/{x.Order}: {x.Text} (v{x.IntroducedInVersionId}, v{x.LastChangedInVersionId}, retired v{x.RetiredInVersionId})")
                .ToListAsync(Ct);
            var revisions = await read.StatementRevisions
                .Join(read.Statements, r => r.StatementId, x => x.Id, (r, x) => $"{x.Area!.Section!.Level!.Number}/{x.Area.Anchor}/{x.Order} v{r.FrameworkVersionId}: {r.Text}")
                .ToListAsync(Ct);
            var sections = await read.Sections
                .Select(x => $"{x.Level!.Craft!.Name}/{x.Level.Number}/{x.Order}: {x.Name} (all: {x.AppliesToAll}, retired v{x.RetiredInVersionId})")
                .ToListAsync(Ct);
            var areas = await read.Areas
                .Select(x => $"{x.Section!.Level!.Number}/{x.Section.Name}/{x.Order}: {x.Name} #{x.Anchor} {x.Link} (defined: {x.IsDefined}, retired v{x.RetiredInVersionId}, {x.Statements.Count} statements)")
                .ToListAsync(Ct);
            return (statements.Order(StringComparer.Ordinal).ToList(), revisions.Order(StringComparer.Ordinal).ToList(),
                sections.Concat(areas).Order(StringComparer.Ordinal).ToList());
        }

        var setBased = await ImportTwiceAsync(setBased: true);
        var throughEf = await ImportTwiceAsync(setBased: false);

        Assert.NotEmpty(setBased.Statements);
        Assert.Equal(setBased.Statements, throughEf.Statements);
        Assert.Contains(setBased.Revisions, r => r.Contains("v2: I can implement and test algorithms", StringComparison.Ordinal));
        Assert.Equal(setBased.Revisions, throughEf.Revisions);
        Assert.Contains(setBased.SectionsAndAreas, r => r.Contains("#", StringComparison.Ordinal));
        Assert.Equal(setBased.SectionsAndAreas, throughEf.SectionsAndAreas);
    }

    [Theory]
    [InlineData(2601, true)]  // Cannot insert duplicate key row in object … with unique index …
    [InlineData(2627, true)]  // Violation of PRIMARY KEY / UNIQUE KEY constraint …
    [InlineData(547, false)]  // The INSERT statement conflicted with the FOREIGN KEY constraint …
    [InlineData(1205, false)] // Transaction was deadlocked …
    public void SQL_Server_unique_violation_is_recognised_by_its_error_number_whatever_the_message(int number, bool unique)
    {
        // The message is in the server's language; only the number counts. (The lane proves it against a real server.)
        var sql = SqlServerError(number, "Impossible d'insérer une ligne de clé en double");

        Assert.Equal(unique, UniqueViolation.Is(new DbUpdateException("save failed", sql)));
    }

    /// <summary>A SqlException as SqlClient builds it (its constructors are internal).</summary>
    private static Microsoft.Data.SqlClient.SqlException SqlServerError(int number, string message)
    {
        const System.Reflection.BindingFlags Internal = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var constructor = typeof(Microsoft.Data.SqlClient.SqlError).GetConstructors(Internal)
            .Where(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(int))
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var arguments = constructor.GetParameters().Select((p, i) => i == 0 ? number : p.ParameterType switch
        {
            var t when t == typeof(byte) => (object)(byte)14,
            var t when t == typeof(string) => p.Name == "errorMessage" ? message : "vaarst",
            var t when t == typeof(int) => 1,
            var t when t == typeof(uint) => 0u,
            _ => null,
        }).ToArray();
        var error = (Microsoft.Data.SqlClient.SqlError)constructor.Invoke(arguments);
        var errors = (Microsoft.Data.SqlClient.SqlErrorCollection)Activator.CreateInstance(typeof(Microsoft.Data.SqlClient.SqlErrorCollection), nonPublic: true)!;
        typeof(Microsoft.Data.SqlClient.SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [error]);
        var create = typeof(Microsoft.Data.SqlClient.SqlException).GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .First(m => m.Name == "CreateException" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(Microsoft.Data.SqlClient.SqlErrorCollection), typeof(string)]));
        return (Microsoft.Data.SqlClient.SqlException)create.Invoke(null, [errors, "16.0.1000"])!;
    }

    private static int LineOf(string page, string marker) =>
        page.Split('\n').Select((text, index) => (text, index)).First(l => l.text.Contains(marker, StringComparison.Ordinal)).index + 1;
}
