using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.Performance;

/// <summary>
/// Each read use case issues the same number of SQL commands for a 10-engineer and a 500-engineer organisation:
/// no query per row (N+1) hides behind a page. The counts are printed so a change in them is visible.
/// </summary>
public sealed class QueryBudgetTests(GeneratedOrganisations organisations) : IClassFixture<GeneratedOrganisations>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ReadUseCases => new(Calls.Keys);

    private static readonly Dictionary<string, Func<Generated, Task>> Calls = new()
    {
        ["GetGap (own)"] = g => g.Use<GetGap>().HandleAsync(g.Engineer, new GetGapRequest(), Ct),
        ["GetGap (manager reads a report)"] = g => g.Use<GetGap>().HandleAsync(g.Manager, new GetGapRequest(g.Engineer.PersonId), Ct),
        ["GetMyTeam"] = g => g.Use<GetMyTeam>().HandleAsync(g.Manager, Ct),
        ["GetTeamHeatmap"] = g => g.Use<GetTeamHeatmap>().HandleAsync(g.Manager, null, Ct),
        ["GetReviewQueue (delegate)"] = g => g.Use<GetReviewQueue>().HandleAsync(g.Delegate, new GetReviewQueueRequest(), Ct),
        ["CountReviewQueue (delegate)"] = g => g.Use<CountReviewQueue>().HandleAsync(g.Delegate, Ct),
        ["GetChecklist"] = g => g.Use<GetChecklist>().HandleAsync(g.Engineer, new GetChecklistRequest(), Ct),
        ["GetComparison"] = g => g.Use<GetComparison>().HandleAsync(g.Session.Chair, g.Session.Id, Ct),
        ["GetCandidateDossier"] = g => g.Use<GetCandidateDossier>().HandleAsync(g.Session.Chair, g.Session.NominationIds[0], Ct),
        ["GetSession"] = g => g.Use<GetSession>().HandleAsync(g.Session.Chair, g.Session.Id, Ct),
        ["GetConsistencyAnalytics"] = g => g.Use<GetConsistencyAnalytics>().HandleAsync(g.Administrator, Ct),
        ["GetEvidenceLibrary"] = g => g.Use<GetEvidenceLibrary>().HandleAsync(g.Engineer, false, Ct),
        ["GetAuditLog"] = g => g.Use<GetAuditLog>().HandleAsync(g.Administrator, new AuditLogFilter(), 0, 100, Ct),
    };

    [Theory]
    [MemberData(nameof(ReadUseCases))]
    public async Task Read_use_case_issues_the_same_commands_at_10_and_500_engineers(string useCase)
    {
        var small = await CountAsync(organisations.Small, Calls[useCase]);
        var large = await CountAsync(organisations.Large, Calls[useCase]);

        TestContext.Current.TestOutputHelper?.WriteLine($"{useCase}: {small} SQL command(s) at 10 engineers, {large} at 500");
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task GetGap_meets_its_target_of_at_most_3_queries_and_the_authority_check()
    {
        // The target is three reads; the fourth command is the caller's confirmation against the directory (Authority).
        Assert.InRange(await CountAsync(organisations.Large, Calls["GetGap (own)"]), 1, 3 + 1);
    }

    private static async Task<int> CountAsync(Generated generated, Func<Generated, Task> call)
    {
        generated.Database.Commands.Reset();
        await call(generated);
        return generated.Database.Commands.Count;
    }
}

/// <summary>A generated organisation and the people the budget tests act as.</summary>
internal sealed class Generated(TestDatabase database, GeneratedOrganisation organisation, IEvidenceFileStore files)
{
    internal TestDatabase Database { get; } = database;

    public GeneratedOrganisation Organisation { get; } = organisation;

    /// <summary>The first line manager; their first report is <see cref="Engineer"/>.</summary>
    public Actor Manager => Organisation.Managers[0];

    /// <summary>The second line manager, who reviews the first one's team today under a delegation.</summary>
    public Actor Delegate => Organisation.Managers[1];

    public Actor Engineer => Organisation.Engineers[0];

    public Actor Administrator => Organisation.Administrators[0];

    /// <summary>The blind session in progress: its chair reads it.</summary>
    public GeneratedSession Session => Organisation.Sessions[^2];

    internal T Use<T>() => Scenario.UseCaseOn<T>(Database, files);
}

/// <summary>Generates a 10- and a 500-engineer organisation once for the whole test class.</summary>
public sealed class GeneratedOrganisations : IAsyncLifetime
{
    private readonly string _files = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", "files-" + Guid.NewGuid().ToString("N"));

    internal Generated Small { get; private set; } = default!;

    internal Generated Large { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Small = await GenerateAsync(10);
        Large = await GenerateAsync(500);
    }

    private async Task<Generated> GenerateAsync(int engineers)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var organisation = await OrganisationGenerator.GenerateAsync(db, new GeneratorOptions { Engineers = engineers, Seed = 11 }, TestContext.Current.CancellationToken);
        var generated = new Generated(database, organisation, new FileSystemEvidenceFileStore(_files));
        Assert.True(generated.Session.NominationIds.Count > 0, $"The {engineers}-engineer organisation's session in progress has no candidates; pick another seed.");
        return generated;
    }

    public async ValueTask DisposeAsync()
    {
        await Small.Database.DisposeAsync();
        await Large.Database.DisposeAsync();
    }
}
