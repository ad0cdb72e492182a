using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Evidence;

/// <summary>Eda imports her GitHub work, always from the local fake GitHub (FakeGitHub), never the internet.</summary>
public sealed class GitHubImportTests
{
    private static readonly ListGitHubWorkRequest October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

    [Fact]
    public async Task Token_is_checked_against_GitHub_and_stored_encrypted_never_in_clear_or_in_the_audit()
    {
        await using var s = await CreateAsync();

        var login = await s.UseCase<ConnectGitHub>().HandleAsync(s.Edge, new ConnectGitHubRequest($"  {FakeGitHub.Token} "), Ct);

        Assert.Equal("eda-edge", login);
        await using var db = s.Database.CreateDbContext();
        var stored = await db.GitHubConnections.SingleAsync(Ct);
        Assert.DoesNotContain(FakeGitHub.Token, stored.ProtectedToken);
        Assert.Equal(FakeGitHub.Token, new TestSecretProtector().Unprotect(stored.ProtectedToken));
        var audit = await db.AuditEvents.Where(a => a.Type == AuditEventTypes.GitHubConnected).SingleAsync(Ct);
        Assert.DoesNotContain(FakeGitHub.Token, audit.Summary + audit.Before + audit.After);
        Assert.Equal("eda-edge", (await s.UseCase<GetGitHubImport>().HandleAsync(s.Edge, Ct)).Login);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ConnectGitHub>().HandleAsync(s.Ml, new ConnectGitHubRequest("ghp_wrong"), Ct));
        Assert.Contains("refused the token", refused.Message);
        Assert.Equal(1, await s.CountAsync<GitHubConnection>());
    }

    [Fact]
    public async Task Listing_reads_every_page_of_merged_pull_requests_and_the_issues_newest_first()
    {
        await using var s = await ConnectedAsync();

        var work = await s.UseCase<ListGitHubWork>().HandleAsync(s.Edge, October, Ct);

        Assert.Equal(
            ["github.com/vaarst-demo/feature-store#7", "github.com/vaarst-demo/edge#12", "github.com/vaarst-demo/edge#44", "github.com/vaarst-demo/edge#41"],
            work.Select(w => w.Work.ExternalId));
        var first = work.Single(w => w.Work.ExternalId.EndsWith("#41"));
        Assert.Equal((GitHubWorkKind.PullRequest, "vaarst-demo/edge", new DateOnly(2026, 10, 6)), (first.Work.Kind, first.Work.Repository, first.Work.WorkDate));
        Assert.Equal("https://github.com/vaarst-demo/edge/pull/41", first.Work.Url);
        Assert.Equal(GitHubWorkKind.Issue, work.Single(w => w.Work.ExternalId.EndsWith("#12")).Work.Kind);
        Assert.All(work, w => Assert.Null(w.ImportedEvidenceId));
    }

    [Fact]
    public async Task Picked_work_becomes_evidence_on_the_chosen_statements_with_its_provenance_and_a_reimport_adds_nothing()
    {
        await using var s = await ConnectedAsync();
        var benchmarking = await s.StatementAsync("I can to write performance/benchmarking code");
        var media = await s.StatementAsync("I am familiar with media and streaming libraries");
        GitHubPick[] picks =
        [
            new("github.com/vaarst-demo/edge#41", "Quantised the defect detector to INT8", "I quantised it; p95 fell from 900 ms to 210 ms.", [benchmarking, media]),
            new("github.com/vaarst-demo/edge#44", "Benchmark harness", null, [benchmarking]),
        ];

        var result = await s.UseCase<ImportGitHubWork>().HandleAsync(s.Edge, new ImportGitHubWorkRequest(October.From, October.To, picks), Ct);

        Assert.Equal((2, 0), (result.Imported.Count, result.AlreadyImported));
        var library = await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct);
        var quantised = library.Single(e => e.Id == result.Imported[0]);
        Assert.Equal(("Quantised the defect detector to INT8", "https://github.com/vaarst-demo/edge/pull/41", "GitHubPullRequest"), (quantised.Title, quantised.Url, quantised.LinkKind));
        Assert.Equal(("GitHub", "vaarst-demo/edge", new DateOnly(2026, 10, 6)), (quantised.Provider, quantised.Repository, quantised.WorkDate));
        Assert.Equal([benchmarking, media], quantised.Supports.Select(x => x.StatementId).Order());

        var again = await s.UseCase<ImportGitHubWork>().HandleAsync(s.Edge, new ImportGitHubWorkRequest(October.From, October.To, picks), Ct);

        Assert.Equal((0, 2), (again.Imported.Count, again.AlreadyImported));
        Assert.Equal(2, await s.CountAsync<EvidenceEntry>());
        Assert.Equal(result.Imported[0], (await s.UseCase<ListGitHubWork>().HandleAsync(s.Edge, October, Ct)).Single(w => w.Work.ExternalId.EndsWith("#41")).ImportedEvidenceId);
    }

    [Fact]
    public async Task A_pick_that_is_not_in_the_window_is_refused_and_nothing_is_imported()
    {
        await using var s = await ConnectedAsync();

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ImportGitHubWork>().HandleAsync(s.Edge, new ImportGitHubWorkRequest(October.From, October.To,
            [new GitHubPick("github.com/vaarst-demo/edge#41", "Real", null, []), new GitHubPick("github.com/someone/else#1", "Made up", null, [])]), Ct));

        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
    }

    [Theory]
    [InlineData(FakeGitHub.RateLimitedToken, "rate limit")]
    [InlineData(FakeGitHub.BrokenToken, "server error (500)")]
    public async Task Rate_limit_and_server_error_give_a_clear_message_and_change_nothing(string token, string message)
    {
        await using var s = await ConnectedAsync();
        await using (var db = s.Database.CreateDbContext())
        {
            await db.GitHubConnections.ExecuteUpdateAsync(u => u.SetProperty(c => c.ProtectedToken, new TestSecretProtector().Protect(token)), Ct);
        }

        var listing = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ListGitHubWork>().HandleAsync(s.Edge, October, Ct));
        var import = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ImportGitHubWork>().HandleAsync(s.Edge,
            new ImportGitHubWorkRequest(October.From, October.To, [new GitHubPick("github.com/vaarst-demo/edge#41", "Quantise", null, [])]), Ct));
        var connect = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ConnectGitHub>().HandleAsync(s.Ml, new ConnectGitHubRequest(token), Ct));

        Assert.All(new[] { listing, import, connect }, ex => Assert.Contains(message, ex.Message, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Nothing was changed", listing.Message);
        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
        Assert.Equal(1, await s.CountAsync<GitHubConnection>());
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_clear_message_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        s.GitHubOptions.BaseUrl = "http://127.0.0.1:9/";
        s.GitHubOptions.TimeoutSeconds = 5;

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ConnectGitHub>().HandleAsync(s.Edge, new ConnectGitHubRequest(FakeGitHub.Token), Ct));

        Assert.Contains("cannot be reached", ex.Message);
        Assert.Equal(0, await s.CountAsync<GitHubConnection>());
    }

    private static async Task<Scenario> ConnectedAsync()
    {
        var s = await CreateAsync();
        await s.UseCase<ConnectGitHub>().HandleAsync(s.Edge, new ConnectGitHubRequest(FakeGitHub.Token), Ct);
        return s;
    }
}
