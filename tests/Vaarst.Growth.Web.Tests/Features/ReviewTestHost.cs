using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Features;

/// <summary>
/// A small organisation on a fresh, migrated SQLite file with the seed framework (like Core.Tests' Scenario): a
/// manager with an Edge ML engineer and an ML engineer, another manager and an administrator. <see cref="AddTo"/>
/// wires the real use cases (the app's own <c>AddGrowthCore</c>) and a signed-in person into a bUnit context.
/// </summary>
internal sealed class ReviewTestHost : IAsyncDisposable
{
    public const string Benchmarking = "I can to write performance/benchmarking code";
    public const string Algorithms = "I can implement algorithms";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-web-tests", "bunit-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private ReviewTestHost()
    {
        Directory.CreateDirectory(_folder);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Growth"] = $"Data Source={Path.Combine(_folder, "growth.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Framework:SeedContentPath"] = RepositoryRoot.File("seed-content"),
            ["Evidence:FileStorePath"] = Path.Combine(_folder, "files"),
        }).Build();
        _services = Register(new ServiceCollection()).BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    /// <summary>Moved by hand; the same instance serves the test's own use cases and the rendered components.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public Actor Manager { get; private set; } = default!;
    public Actor OtherManager { get; private set; } = default!;
    public Actor Edge { get; private set; } = default!;
    public Actor Ml { get; private set; } = default!;
    public Actor Admin { get; private set; } = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static async Task<ReviewTestHost> CreateAsync()
    {
        var host = new ReviewTestHost();
        await using (var db = host.CreateDbContext())
        {
            await db.Database.MigrateAsync(Ct);
        }

        var pages = FrameworkPageParser.ParsePath(RepositoryRoot.File("seed-content", "careerframework"));
        await host.UseCase<ImportFramework>().HandleAsync(Actor.System, new ImportFrameworkRequest(pages.Pages, "seed"), Ct);

        await using var context = host.CreateDbContext();
        var craftId = await context.Crafts.Select(c => c.Id).SingleAsync(Ct);
        var manager = new Person { Name = "Mia Manager", Email = "mia@vaarst.example", Roles = Roles.Manager };
        var other = new Person { Name = "Oscar Othermanager", Email = "oscar@vaarst.example", Roles = Roles.Manager };
        var edge = new Person { Name = "Eda Edge", Email = "eda@vaarst.example", Roles = Roles.Engineer, Manager = manager, CraftId = craftId, Specialism = "Edge ML Engineer", CurrentLevel = 3, TargetLevel = 4 };
        var ml = new Person { Name = "Max Ml", Email = "max@vaarst.example", Roles = Roles.Engineer, Manager = manager, CraftId = craftId, Specialism = "ML Engineer", CurrentLevel = 4, TargetLevel = 4 };
        var admin = new Person { Name = "Ada Admin", Email = "ada@vaarst.example", Roles = Roles.Administrator };
        context.People.AddRange(manager, other, edge, ml, admin);
        await context.SaveChangesAsync(Ct);
        host.Manager = Of(manager);
        host.OtherManager = Of(other);
        host.Edge = Of(edge);
        host.Ml = Of(ml);
        host.Admin = Of(admin);
        return host;
    }

    /// <summary>Registers MudBlazor, the real use cases on this database, the clock and <paramref name="signedIn"/> as the current user.</summary>
    public void AddTo(BunitContext context, Actor signedIn)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.AddBunitPersistentComponentState();
        Register(context.Services);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(signedIn));
        context.Services.AddScoped<CurrentActor>();
    }

    public T UseCase<T>() where T : notnull => _services.GetRequiredService<T>();

    public GrowthDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContext();

    /// <summary>The engineer rates the statement, adds a link supporting it and submits it through the real use cases.</summary>
    public async Task<int> SubmittedAsync(Actor engineer, string statementPrefix)
    {
        int statementId;
        await using (var db = CreateDbContext())
        {
            statementId = await db.Statements.Where(s => s.Text.StartsWith(statementPrefix)).Select(s => s.Id).SingleAsync(Ct);
        }

        var rated = await UseCase<RateStatement>().HandleAsync(engineer, new RateStatementRequest(statementId, SelfRating.Practising, null, null), Ct);
        await UseCase<AddLinkEvidence>().HandleAsync(engineer,
            new AddLinkEvidenceRequest(new EvidenceDetails("A pull request", new DateOnly(2026, 10, 1), null), "https://github.com/vaarst/x/pull/1", [statementId]), Ct);
        var version = await VersionAsync(rated.ItemId);
        await UseCase<SubmitItems>().HandleAsync(engineer, new SubmitItemsRequest([new ItemRef(rated.ItemId, version)]), Ct);
        return rated.ItemId;
    }

    public async Task<int> VersionAsync(int itemId)
    {
        await using var db = CreateDbContext();
        return await db.ChecklistItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(Ct);
    }

    public async Task<List<ReviewDecision>> DecisionsAsync(int itemId)
    {
        await using var db = CreateDbContext();
        return await db.ReviewDecisions.AsNoTracking().Where(d => d.ChecklistItemId == itemId).ToListAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IServiceCollection Register(IServiceCollection services)
    {
        services.AddLogging();
        services.AddGrowthCore(Configuration, _folder);
        services.AddSingleton<TimeProvider>(Clock);
        return services;
    }

    private static Actor Of(Person p) => new(p.Id, p.Name, p.Roles);

    /// <summary>The claims the development sign-in issues for <paramref name="actor"/>.</summary>
    private sealed class SignedIn(Actor actor) : AuthenticationStateProvider
    {
        private readonly ClaimsPrincipal _user = GrowthAuthentication.CreatePrincipal(actor, "Test");

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
