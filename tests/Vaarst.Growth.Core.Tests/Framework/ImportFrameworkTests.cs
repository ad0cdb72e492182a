using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.Framework;

public sealed class ImportFrameworkTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code and analyse the results.";
    private const string Streaming = "I am familiar with media and streaming libraries (Gstreamer) and robotics frameworks (e.g. ROS).";

    private static readonly string SeedPath = RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md");
    private static readonly string Seed = File.ReadAllText(SeedPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_seed_page_stores_sections_areas_and_statements()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await ImportAsync(database, Seed);

        Assert.True(result.Changed);
        Assert.Equal(1, result.VersionNumber);
        await using var db = database.CreateDbContext();
        Assert.Equal(["All", "ML Engineer", "Edge ML Engineer"], await db.Sections.OrderBy(s => s.Order).Select(s => s.Name).ToListAsync(Ct));
        Assert.Equal(7, await db.Areas.CountAsync(Ct));
        Assert.Equal(["architecture-design", "technical-strategy"], await db.Areas.Where(a => !a.IsDefined).OrderBy(a => a.Order).Select(a => a.Anchor).ToListAsync(Ct));
        Assert.Equal(16, await db.Statements.CountAsync(Ct));
        var perArea = await db.Statements.GroupBy(s => s.Area!.Name).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        Assert.Equal(new Dictionary<string, int>
        {
            ["ML Ops"] = 3, ["AI Governance"] = 2, ["AI Strategy"] = 2, ["Machine Learning and Deep Learning"] = 3, ["Edge Computing"] = 6,
        }, perArea);
        Assert.True(await db.Statements.AnyAsync(s => s.Text == Benchmarking, Ct));
        var level = await db.Levels.Include(l => l.Craft).SingleAsync(Ct);
        Assert.Equal((4, "Mid", "ML and Edge ML Engineer Craft", "Vaarst Career Framework"), (level.Number, level.Title, level.Craft!.Name, level.Craft.FrameworkName));
        var audit = await db.AuditEvents.SingleAsync(Ct);
        Assert.Equal(AuditEventTypes.FrameworkImported, audit.Type);
        Assert.Contains("\"version\":1", audit.After);
    }

    [Fact]
    public async Task Import_identical_content_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var idsBefore = await StatementIdsAsync(database);

        var again = await ImportAsync(database, Seed.Replace("\n", "\r\n"));

        Assert.False(again.Changed);
        Assert.Null(again.VersionNumber);
        Assert.Empty(again.Changes);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.FrameworkVersions.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(Ct));
        Assert.Equal(idsBefore, await StatementIdsAsync(database));
    }

    [Fact]
    public async Task Import_changed_statement_keeps_identity_and_flags_sign_offs_for_reconfirmation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var (signedOff, draft, statementId) = await AddItemsOnAsync(database, Benchmarking);
        var fixedText = "I can write performance/benchmarking code and analyse the results.";

        var result = await ImportAsync(database, Seed.Replace(Benchmarking, fixedText));

        Assert.True(result.Changed);
        Assert.Equal(2, result.VersionNumber);
        Assert.Equal(1, result.ItemsFlagged);
        Assert.Contains(result.Changes, c => c.Contains("statement changed"));
        await using var db = database.CreateDbContext();
        var statement = await db.Statements.Include(s => s.Revisions).SingleAsync(s => s.Id == statementId, Ct);
        Assert.Equal(fixedText, statement.Text);
        Assert.Equal([Benchmarking, fixedText], statement.Revisions.OrderBy(r => r.FrameworkVersionId).Select(r => r.Text));
        Assert.Equal(16, await db.Statements.CountAsync(s => s.RetiredInVersionId == null, Ct));

        var flagged = await db.ChecklistItems.Include(i => i.Decisions).SingleAsync(i => i.Id == signedOff, Ct);
        Assert.True(flagged.NeedsReconfirmation);
        Assert.Equal(ItemStatus.SignedOff, flagged.Status);
        Assert.Single(flagged.Decisions);
        Assert.False((await db.ChecklistItems.SingleAsync(i => i.Id == draft, Ct)).NeedsReconfirmation);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Type == AuditEventTypes.ItemFlaggedForReconfirmation && e.SubjectId == signedOff.ToString(), Ct));
    }

    [Fact]
    public async Task Import_removed_statement_retires_it_and_keeps_items()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var (signedOff, _, statementId) = await AddItemsOnAsync(database, Streaming);

        var result = await ImportAsync(database, Seed.Replace(" <br><br> " + Streaming, ""));

        Assert.True(result.Changed);
        Assert.Equal(0, result.ItemsFlagged);
        await using var db = database.CreateDbContext();
        var statement = await db.Statements.SingleAsync(s => s.Id == statementId, Ct);
        Assert.Equal(2, (await db.FrameworkVersions.SingleAsync(v => v.Id == statement.RetiredInVersionId, Ct)).Number);
        Assert.Equal(15, await db.Statements.CountAsync(s => s.RetiredInVersionId == null, Ct));
        Assert.True(await db.ChecklistItems.AnyAsync(i => i.Id == signedOff && i.Status == ItemStatus.SignedOff, Ct));

        var restored = await ImportAsync(database, Seed);
        Assert.True(restored.Changed);
        await using var check = database.CreateDbContext();
        Assert.Null((await check.Statements.SingleAsync(s => s.Id == statementId, Ct)).RetiredInVersionId);
    }

    [Fact]
    public async Task Import_added_statement_and_new_level_keeps_existing_identities()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var before = await StatementIdsAsync(database);
        var added = "I can profile models on the device and explain where the time goes.";
        var level5 = Seed.Replace("title: Level 4 (Mid)", "title: Level 5 (Senior)").Replace("level4", "level5");

        var result = await ImportPagesAsync(database, ("level4.md", Seed.Replace(Streaming + " |", Streaming + " <br><br> " + added + " |")), ("level5.md", level5));

        Assert.True(result.Changed);
        await using var db = database.CreateDbContext();
        var level4Ids = await db.Statements.Where(s => s.Area!.Section!.Level!.Number == 4).Select(s => s.Id).ToListAsync(Ct);
        Assert.Equal(17, level4Ids.Count);
        Assert.Subset(level4Ids.ToHashSet(), before.ToHashSet());
        Assert.Equal(16, await db.Statements.CountAsync(s => s.Area!.Section!.Level!.Number == 5, Ct));
        var newOne = await db.Statements.SingleAsync(s => s.Text == added, Ct);
        Assert.Equal(6, newOne.Order);
    }

    [Fact]
    public async Task Import_writes_one_revision_per_new_or_changed_statement_and_none_for_a_restored_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var added = "I can profile models on the device and explain where the time goes.";
        var fixedText = "I can write performance/benchmarking code and analyse the results.";

        const string governance = "Accountability and Transparency.";
        var withAdded = Seed.Replace(governance + " |", governance + " <br><br> " + added + " |");
        Assert.NotEqual(Seed, withAdded);

        await ImportAsync(database, withAdded.Replace(" <br><br> " + Streaming, ""));
        var third = await ImportAsync(database, withAdded.Replace(Benchmarking, fixedText));

        Assert.Equal(3, third.VersionNumber);
        await using var db = database.CreateDbContext();
        var versions = await db.FrameworkVersions.ToDictionaryAsync(v => v.Id, v => v.Number, Ct);
        var statements = await db.Statements.Include(s => s.Revisions).ToListAsync(Ct);
        Assert.Equal(17, statements.Count);
        Assert.All(statements, s => Assert.Equal(s.Text, s.Revisions.OrderBy(r => versions[r.FrameworkVersionId]).Last().Text));
        Assert.All(statements, s => Assert.Equal(s.IntroducedInVersionId, s.Revisions.Min(r => r.FrameworkVersionId)));
        var revisionsByVersion = statements.SelectMany(s => s.Revisions).GroupBy(r => versions[r.FrameworkVersionId]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [1] = 16, [2] = 1, [3] = 1 }, revisionsByVersion);
        var restored = statements.Single(s => s.Text == Streaming);
        Assert.Null(restored.RetiredInVersionId);
        Assert.Single(restored.Revisions);
        var newOne = statements.Single(s => s.Text == added);
        Assert.Equal((2, 2), (versions[newOne.IntroducedInVersionId], versions[newOne.Revisions.Single().FrameworkVersionId]));
        Assert.Equal([Benchmarking, fixedText], statements.Single(s => s.Text == fixedText).Revisions.OrderBy(r => r.FrameworkVersionId).Select(r => r.Text));
    }

    [Fact]
    public async Task Import_area_that_becomes_defined_gets_statements()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);

        var result = await ImportAsync(database, Seed.Replace("| [Architecture Design](/careerframework/mlengineer#architecture-design) | TODO |",
            "| [Architecture Design](/careerframework/mlengineer#architecture-design) | I can design a component of an ML system. |"));

        Assert.True(result.Changed);
        await using var db = database.CreateDbContext();
        var area = await db.Areas.Include(a => a.Statements).SingleAsync(a => a.Anchor == "architecture-design", Ct);
        Assert.True(area.IsDefined);
        Assert.Equal("I can design a component of an ML system.", Assert.Single(area.Statements).Text);
    }

    [Fact]
    public async Task Import_reordered_statements_is_a_change_that_keeps_identities()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ImportAsync(database, Seed);
        var before = await StatementIdsAsync(database);
        const string first = "I understand risks from ML such as model bias and model drift, and am able to mitigate them.";
        const string second = "I understand current debates about AI ethics and Fairness, Accountability and Transparency.";

        var result = await ImportAsync(database, Seed.Replace(first + " <br><br> " + second, second + " <br><br> " + first));

        Assert.True(result.Changed);
        Assert.Contains(result.Changes, c => c.EndsWith("statements reordered"));
        Assert.Equal(before, await StatementIdsAsync(database));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Statements.Where(s => s.Text == second).Select(s => s.Order).SingleAsync(Ct));
    }

    [Fact]
    public async Task Import_by_a_non_administrator_is_refused_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var engineer = new Actor(42, "Eve", Roles.Engineer | Roles.Manager);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new ImportFramework(database, new InAppNotificationSender(database.Clock), database.Clock).HandleAsync(engineer, new ImportFrameworkRequest(Parse(("level4.md", Seed)), "test"), Ct));

        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.FrameworkVersions.CountAsync(Ct));
        Assert.Equal(0, await db.Statements.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_two_pages_for_the_same_level_is_refused_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var page = Parse(("a.md", Seed)).Single();

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            new ImportFramework(database, new InAppNotificationSender(database.Clock), database.Clock).HandleAsync(Actor.System, new ImportFrameworkRequest([page, page with { File = "b.md" }], "test"), Ct));

        Assert.Contains("more than one page", ex.Message);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.FrameworkVersions.CountAsync(Ct));
    }

    private static Task<ImportFrameworkResult> ImportAsync(TestDatabase database, string text) => ImportPagesAsync(database, ("level4.md", text));

    private static Task<ImportFrameworkResult> ImportPagesAsync(TestDatabase database, params (string File, string Text)[] pages) =>
        new ImportFramework(database, new InAppNotificationSender(database.Clock), database.Clock).HandleAsync(Actor.System, new ImportFrameworkRequest(Parse(pages), "test"), Ct);

    private static List<FrameworkPage> Parse(params (string File, string Text)[] pages)
    {
        var parsed = pages.Select(p => FrameworkPageParser.Parse(p.File, p.Text)).ToList();
        Assert.All(parsed, p => Assert.True(p.IsValid, string.Join("; ", p.Problems)));
        return parsed.SelectMany(p => p.Pages).ToList();
    }

    private static async Task<List<int>> StatementIdsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Statements.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(Ct);
    }

    /// <summary>A signed-off item (with its decision) for one engineer and a draft for another, on the statement with <paramref name="text"/>.</summary>
    private static async Task<(int SignedOff, int Draft, int StatementId)> AddItemsOnAsync(TestDatabase database, string text)
    {
        await using var db = database.CreateDbContext();
        var statementId = await db.Statements.Where(s => s.Text == text).Select(s => s.Id).SingleAsync(Ct);
        var manager = new Person { Name = "Mia", Email = "mia@vaarst.example", Roles = Roles.Manager };
        var engineer = new Person { Name = "Eli", Email = "eli@vaarst.example", Roles = Roles.Engineer, Manager = manager };
        var other = new Person { Name = "Ola", Email = "ola@vaarst.example", Roles = Roles.Engineer, Manager = manager };
        var signedOff = new ChecklistItem { Person = engineer, StatementId = statementId, Rating = SelfRating.Confident, Status = ItemStatus.SignedOff };
        signedOff.Decisions.Add(new ReviewDecision { Reviewer = manager, Kind = DecisionKind.SignOff, DecidedAtUtc = DateTime.UtcNow });
        var draft = new ChecklistItem { Person = other, StatementId = statementId, Rating = SelfRating.Learning, Status = ItemStatus.Draft };
        db.ChecklistItems.AddRange(signedOff, draft);
        await db.SaveChangesAsync(Ct);
        return (signedOff.Id, draft.Id, statementId);
    }
}
