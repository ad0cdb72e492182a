using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Components.Shared;
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
            ["Framework:SeedContentPath"] = RepositoryRoot.Combine("seed-content"),
            ["Evidence:FileStorePath"] = Path.Combine(_folder, "files"),
        }).Build();
        _services = Register(new ServiceCollection()).BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    /// <summary>Moved by hand; the same instance serves the test's own use cases and the rendered components.</summary>
    public FakeTimeProvider Clock { get; } = TestTime.Clock();

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

        var organisation = await TestOrganisation.CreateAsync(host._services.GetRequiredService<IDbContextFactory<GrowthDbContext>>(), host.Clock,
            withPanel: false, Ct);
        host.Manager = organisation.Manager;
        host.OtherManager = organisation.OtherManager;
        host.Edge = organisation.Edge;
        host.Ml = organisation.Ml;
        host.Admin = organisation.Admin;
        return host;
    }

    /// <summary>Registers MudBlazor, the real use cases on this database, the clock and <paramref name="signedIn"/> as the current user.</summary>
    /// <returns>What a prerender persists for the circuit (<c>PrerenderedRead</c>); empty unless a test fills it.</returns>
    public BunitPersistentComponentState AddTo(BunitContext context, Actor signedIn)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddPageSnackbars();
        var pageState = context.AddBunitPersistentComponentState();
        Register(context.Services);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(signedIn));
        context.Services.AddScoped<CurrentActor>();
        context.Services.AddScoped<PersonTime>();
        context.Services.AddScoped<Vaarst.Growth.Web.Features.Review.RecentDecisions>();
        return pageState;
    }

    public T UseCase<T>() where T : notnull => _services.GetRequiredService<T>();

    public GrowthDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContext();

    /// <summary>The engineer rates the statement, adds a link supporting it and submits it through the real use cases.</summary>
    public async Task<int> SubmittedAsync(Actor engineer, string statementPrefix)
    {
        var statementId = await StatementAsync(statementPrefix);
        var rated = await UseCase<RateStatement>().HandleAsync(engineer, new RateStatementRequest(statementId, SelfRating.Practising, null, null), Ct);
        await UseCase<AddLinkEvidence>().HandleAsync(engineer,
            new AddLinkEvidenceRequest(new EvidenceDetails("A pull request", new DateOnly(2026, 10, 1), null), "https://github.com/vaarst/x/pull/1", [statementId]), Ct);
        var version = await VersionAsync(rated.ItemId);
        await UseCase<SubmitItems>().HandleAsync(engineer, new SubmitItemsRequest([new ItemRef(rated.ItemId, version)]), Ct);
        return rated.ItemId;
    }

    /// <summary>The id of the statement whose text starts with <paramref name="prefix"/>.</summary>
    public async Task<int> StatementAsync(string prefix)
    {
        await using var db = CreateDbContext();
        return await db.Statements.Where(s => s.Text.StartsWith(prefix)).Select(s => s.Id).SingleAsync(Ct);
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

    /// <summary>The claims the development sign-in issues for <paramref name="actor"/>.</summary>
    private sealed class SignedIn(Actor actor) : AuthenticationStateProvider
    {
        private readonly ClaimsPrincipal _user = GrowthAuthentication.CreatePrincipal(actor, "Test");

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
    }
}
