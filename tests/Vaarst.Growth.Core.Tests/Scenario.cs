using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests;

/// <summary>
/// A small organisation on a fresh database with the seed framework: a manager with an Edge ML engineer and an ML
/// engineer, another manager, and an administrator. Use cases are built against the real database.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    private readonly string _files;

    private Scenario(TestDatabase database, TestOrganisation organisation)
    {
        Database = database;
        // In a SQLite database's folder, so a copy of it (a template's) comes with its evidence files.
        _files = database.Folder is { } folder
            ? Path.Combine(folder, "evidence")
            : Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", "files-" + Guid.NewGuid().ToString("N"));
        FileStore = new FileSystemEvidenceFileStore(_files);
        Manager = organisation.Manager;
        OtherManager = organisation.OtherManager;
        Edge = organisation.Edge;
        Ml = organisation.Ml;
        Admin = organisation.Admin;
        (Panel1, Panel2, Panel3) = (organisation.Panel[0], organisation.Panel[1], organisation.Panel[2]);
    }

    public TestDatabase Database { get; }
    public FileSystemEvidenceFileStore FileStore { get; }
    public EvidenceOptions EvidenceOptions { get; } = new();

    /// <summary>
    /// GitHub as the shared local fake serves it (never the internet). The fake answers in milliseconds, but a test's
    /// call competes for two loaded cores with the whole CI: the timeout is the longest allowed, so only an unreachable
    /// server (refused at once) counts as unreachable.
    /// </summary>
    public static GitHubOptions FakeGitHubOptions() => new() { BaseUrl = FakeGitHub.Shared.BaseUrl, PageSize = FakeGitHub.PageSize, TimeoutSeconds = 300 };

    public GitHubOptions GitHubOptions => _gitHubOptions ??= FakeGitHubOptions();

    private GitHubOptions? _gitHubOptions;
    public Actor Manager { get; }
    public Actor OtherManager { get; }
    public Actor Edge { get; }
    public Actor Ml { get; }
    public Actor Admin { get; }
    public Actor Panel1 { get; }
    public Actor Panel2 { get; }
    public Actor Panel3 { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Scenario> CreateAsync() => (await CreateAsync("organisation", _ => Task.FromResult(true))).Scenario;

    /// <summary>
    /// A scenario in the state <paramref name="arrange"/> leaves it in, and what it returned. On SQLite the organisation
    /// and the arrangement are made once per test run for each <paramref name="template"/> name, and every scenario of
    /// that name starts from a copy (database and evidence files; <see cref="TestDatabase.CreateAsync{T}"/>), so what
    /// <paramref name="arrange"/> returns must describe the state it made by ids (the scenario it arranged is gone once
    /// the template is taken) and it must not move the clock. On the SQL Server lane each scenario is made on its own.
    /// </summary>
    public static async Task<(Scenario Scenario, T Arranged)> CreateAsync<T>(string template, Func<Scenario, Task<T>> arrange) where T : notnull
    {
#if SQLSERVER_LANE
        _ = template;
        var database = await TestDatabase.CreateAsync();
        var scenario = new Scenario(database, await TestOrganisation.CreateAsync(database, database.Clock, withPanel: true, Ct));
        return (scenario, await arrange(scenario));
#else
        var (database, (organisation, arranged)) = await TestDatabase.CreateAsync(template, async db =>
        {
            var organisation = await TestOrganisation.CreateAsync(db, db.Clock, withPanel: true, CancellationToken.None);
            return (organisation, await arrange(new Scenario(db, organisation)));
        });
        return (new Scenario(database, organisation), arranged);
#endif
    }

    public T UseCase<T>() => (T)UseCase(typeof(T));

    /// <summary>Imports framework pages written by the test (e.g. a Level 3 page), as the system.</summary>
    public async Task ImportPagesAsync(params (string File, string Text)[] pages)
    {
        var parsed = pages.Select(p => FrameworkPageParser.Parse(p.File, p.Text)).ToList();
        Assert.All(parsed, p => Assert.True(p.IsValid, string.Join("; ", p.Problems)));
        await UseCase<ImportFramework>().HandleAsync(Actor.System, new ImportFrameworkRequest(parsed.SelectMany(p => p.Pages).ToList(), "test"), Ct);
    }

    /// <summary>Adds <paramref name="count"/> more engineers under a new manager, each with a few items, to grow the organisation.</summary>
    public async Task AddEngineersAsync(int count)
    {
        await using var db = Database.CreateDbContext();
        var craftId = await db.Crafts.Select(c => c.Id).SingleAsync(Ct);
        var statements = await db.Statements.Select(s => s.Id).ToListAsync(Ct);
        var manager = new Person { Name = "Bulk Manager", Email = $"bulk-{Guid.NewGuid():N}@vaarst.example", Roles = Roles.Manager };
        for (var i = 0; i < count; i++)
        {
            var person = new Person { Name = $"Engineer {i}", Email = $"e{i}-{Guid.NewGuid():N}@vaarst.example", Roles = Roles.Engineer, Manager = manager, CraftId = craftId, Specialism = i % 2 == 0 ? "ML Engineer" : "Edge ML Engineer", TargetLevel = 4 };
            db.People.Add(person);
            foreach (var statementId in statements.Take(3 + i % 5))
            {
                db.ChecklistItems.Add(new ChecklistItem { Person = person, StatementId = statementId, Rating = SelfRating.Practising, Status = (ItemStatus)(i % 4) });
            }
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The id of the statement whose text starts with <paramref name="prefix"/>.</summary>
    public async Task<int> StatementAsync(string prefix)
    {
        await using var db = Database.CreateDbContext();
        return await db.Statements.Where(s => s.Text.StartsWith(prefix)).Select(s => s.Id).SingleAsync(Ct);
    }

    public async Task<ChecklistItem> ItemAsync(int itemId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
    }

    /// <summary>The evidence links of the item (archived evidence included).</summary>
    public async Task<List<EvidenceSupport>> SupportsOfAsync(int itemId)
    {
        await using var db = Database.CreateDbContext();
        return await db.EvidenceSupports.AsNoTracking().Where(s => s.ChecklistItemId == itemId).ToListAsync(Ct);
    }

    /// <summary>The evidence fingerprint a reviewer opening the item now would see (what a decision carries back).</summary>
    public string Seen(int itemId)
    {
        using var db = Database.CreateDbContext();
        return EvidenceBasis.FingerprintAsync(db, itemId, Ct).GetAwaiter().GetResult();
    }

    public async Task<int> CountAsync<TEntity>() where TEntity : class
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<TEntity>().CountAsync(Ct);
    }

    /// <summary>An item of <paramref name="engineer"/> on the statement, rated and backed by a link, optionally submitted and signed off.</summary>
    public async Task<(int ItemId, int EvidenceId)> ItemWithEvidenceAsync(Actor engineer, int statementId, ItemStatus status = ItemStatus.Draft)
    {
        await UseCase<RateStatement>().HandleAsync(engineer, new RateStatementRequest(statementId, SelfRating.Practising, null, null), Ct);
        var evidenceId = await UseCase<AddLinkEvidence>().HandleAsync(engineer,
            new AddLinkEvidenceRequest(new EvidenceDetails("A pull request", new DateOnly(2026, 10, 1), null), "https://github.com/vaarst/x/pull/1", [statementId]), Ct);
        await using var db = Database.CreateDbContext();
        var item = await db.ChecklistItems.SingleAsync(i => i.PersonId == engineer.PersonId && i.StatementId == statementId, Ct);
        if (status != ItemStatus.Draft)
        {
            item.Status = status;
            item.SubmittedAtUtc = Database.Clock.GetUtcNow().UtcDateTime;
            if (status == ItemStatus.SignedOff)
            {
                db.ReviewDecisions.Add(new ReviewDecision { ChecklistItemId = item.Id, ReviewerId = Manager.PersonId!.Value, Kind = DecisionKind.SignOff, DecidedAtUtc = item.SubmittedAtUtc.Value });
            }

            await db.SaveChangesAsync(Ct);
        }

        return (item.Id, evidenceId);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    private object UseCase(Type type) => UseCaseOn(type, Database, FileStore, EvidenceOptions, () => GitHubOptions);

    /// <summary>Builds a use case (and the use cases it depends on) against <paramref name="database"/>.</summary>
    public static T UseCaseOn<T>(TestDatabase database, IEvidenceFileStore fileStore, EvidenceOptions? evidenceOptions = null) =>
        (T)UseCaseOn(typeof(T), database, fileStore, evidenceOptions ?? new EvidenceOptions(), FakeGitHubOptions);

    private static object UseCaseOn(Type type, TestDatabase database, IEvidenceFileStore fileStore, EvidenceOptions evidenceOptions, Func<GitHubOptions> gitHub)
    {
        var constructor = type.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(TimeProvider) => (object)database.Clock,
            var t when t == typeof(IEvidenceFileStore) => fileStore,
            var t when t == typeof(EvidenceOptions) => evidenceOptions,
            var t when t == typeof(GitHubOptions) => gitHub(),
            var t when t == typeof(Vaarst.Growth.Core.Data.ISecretProtector) => new TestSecretProtector(),
            var t when t == typeof(INotificationSender) => new InAppNotificationSender(database.Clock),
            var t when t.IsAssignableFrom(typeof(TestDatabase)) => database,
            var t when t.Namespace?.StartsWith("Vaarst.Growth.Core", StringComparison.Ordinal) == true && t.GetMethod("HandleAsync") is not null =>
                UseCaseOn(t, database, fileStore, evidenceOptions, gitHub),
            var t => throw new InvalidOperationException($"Scenario cannot provide {t} for {type.Name}."),
        }).ToArray();
        return Activator.CreateInstance(type, arguments)!;
    }

}
