using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Gap;

public sealed class GapTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private const string Cuda = "I can use the relevant Parallel Computing";
    private const string Streaming = "I am familiar with media and streaming libraries";
    private const string Writing = "I am capable of writing, deploying and debugging";
    private const string MlOps = "I use technologies for code, data and model versioning";
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));

    [Fact]
    public async Task Gap_next_actions_ask_to_strengthen_a_drafts_weak_evidence_until_it_says_what_the_engineer_did_and_achieved()
    {
        // #17 item 2: the gap view's next actions include "strengthen evidence" where a draft's evidence trips a prompt.
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(Benchmarking);
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, statement);

        var weak = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        var action = Assert.Single(weak.NextActions, a => a.Kind == NextActionKind.StrengthenEvidence);
        Assert.Equal((itemId, $"/checklist/items/{itemId}"), (action.ItemId, action.Link));

        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct), e => e.Id == evidenceId);
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, evidence.Version,
            new EvidenceDetails("A pull request", evidence.WorkDate, "I wrote the benchmark harness; it cut p95 latency by 30 %."), evidence.Url), Ct);

        var strong = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);
        Assert.DoesNotContain(strong.NextActions, a => a.Kind == NextActionKind.StrengthenEvidence);
    }

    [Fact]
    public async Task Gap_counts_every_state_and_leaves_out_not_applicable_and_undefined_areas()
    {
        await using var s = await CreateAsync();
        await Decide(s, await Submitted(s, Benchmarking), (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));
        await Submitted(s, Cuda);
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Writing));
        await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(await s.StatementAsync(Streaming), SelfRating.NotApplicable, "no robots", null), Ct);
        var reconfirm = await Submitted(s, MlOps);
        await Decide(s, reconfirm, (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));
        var evidence = (await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Single(e => e.Supports.Any(x => x.ItemId == reconfirm));
        await s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidence.Id, evidence.Version), Ct);

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.Equal(new GapCounts(13, 1, 1, 1, 8, 1, 1), gap.Overall);
        Assert.Equal(12, gap.Overall.Applicable);
        Assert.Equal(8, gap.Overall.Percent);
        Assert.Equal(["All", "Edge ML Engineer"], gap.Sections.Select(x => x.Name));
        var undefined = gap.Areas.Where(a => !a.IsDefined).ToList();
        Assert.Equal(["Architecture Design", "Technical Strategy"], undefined.Select(a => a.Name));
        Assert.All(undefined, a => Assert.Equal(GapCounts.Empty, a.Counts));
        var edge = gap.Areas.Single(a => a.Anchor == "edge-computing");
        Assert.Equal((6, 1, 1, 1, 2, 1), (edge.Counts.Statements, edge.Counts.SignedOff, edge.Counts.Submitted, edge.Counts.InProgress, edge.Counts.NotStarted, edge.Counts.NotApplicable));
    }

    [Fact]
    public async Task Gap_of_an_ml_engineer_never_shows_edge_items_and_vice_versa()
    {
        await using var s = await CreateAsync();

        var ml = await s.UseCase<GetGap>().HandleAsync(s.Ml, new GetGapRequest(), Ct);
        var edge = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.DoesNotContain(ml.Areas, a => a.Anchor == "edge-computing");
        Assert.DoesNotContain(edge.Areas, a => a.Anchor == "machine-learning-and-deep-learning");
        Assert.Equal(10, ml.Overall.Statements);
        Assert.Equal(13, edge.Overall.Statements);
    }

    [Fact]
    public async Task Gap_history_follows_sign_offs_and_revocations()
    {
        await using var s = await CreateAsync();
        var first = await Submitted(s, Benchmarking);
        await Decide(s, first, (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));
        s.Database.Clock.Advance(TimeSpan.FromDays(7));
        var second = await Submitted(s, Cuda);
        await Decide(s, second, (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));
        s.Database.Clock.Advance(TimeSpan.FromDays(7));
        await Decide(s, first, (r, d) => s.UseCase<RevokeSignOff>().HandleAsync(s.Manager, d with { Comment = "wrong item" }, Ct));

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.Equal([1, 2, 1], gap.History.Select(p => p.SignedOff));
        Assert.Equal([8, 15, 8], gap.History.Select(p => p.Percent));
        Assert.Equal(3, gap.History.Select(p => p.Date).Distinct().Count());
        Assert.Equal(1, gap.Overall.SignedOff);
        Assert.Contains(gap.NextActions, a => a.Kind == NextActionKind.ChangesRequested && a.ItemId == first);
    }

    [Fact]
    public async Task Gap_next_actions_list_changes_reconfirmation_no_evidence_and_oldest_waiting_first()
    {
        await using var s = await CreateAsync();
        var older = await Submitted(s, Benchmarking);
        s.Database.Clock.Advance(TimeSpan.FromDays(1));
        var newer = await Submitted(s, Cuda);

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        var waiting = gap.NextActions.Where(a => a.Kind == NextActionKind.WaitingForReview).Select(a => a.ItemId).ToList();
        Assert.Equal([older, newer], waiting);
        Assert.Equal(11, gap.NextActions.Count(a => a.Kind == NextActionKind.NoEvidence));
        Assert.All(gap.NextActions.Where(a => a.ItemId is not null), a => Assert.StartsWith("/checklist/items/", a.Link));
        var managerView = await s.UseCase<GetGap>().HandleAsync(s.Manager, new GetGapRequest(s.Edge.PersonId), Ct);
        Assert.All(managerView.NextActions.Where(a => a.ItemId is not null), a => Assert.StartsWith("/reviews/items/", a.Link));
    }

    [Fact]
    public async Task Gap_without_the_current_levels_page_shows_the_target_alone()
    {
        await using var s = await CreateAsync();

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.Equal(3, gap.CurrentLevel);
        Assert.False(gap.CurrentLevelCompared);
        Assert.All(gap.Areas.SelectMany(a => a.Statements), st => Assert.Null(st.IsNew));
    }

    [Fact]
    public async Task Gap_with_the_current_levels_page_marks_new_and_continuing_statements()
    {
        await using var s = await CreateAsync();
        var level3 = Seed.Replace("title: Level 4 (Mid)", "title: Level 3 (Junior)")
            .Replace(" <br><br> I can to write performance/benchmarking code and analyse the results.", "")
            .Replace("| [ML Ops](/careerframework/mlengineer#ml-ops) | I use technologies", "| [ML Ops](/careerframework/mlengineer#ml-ops) | I use some technologies");
        await s.ImportPagesAsync(("level3.md", level3));

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.True(gap.CurrentLevelCompared);
        var statements = gap.Areas.SelectMany(a => a.Statements).ToList();
        Assert.Equal(2, statements.Count(st => st.IsNew == true));
        Assert.True(statements.Single(st => st.Text.StartsWith(Benchmarking)).IsNew);
        Assert.True(statements.Single(st => st.Text.StartsWith(MlOps)).IsNew);
        Assert.False(statements.Single(st => st.Text.StartsWith(Cuda)).IsNew);
        Assert.Equal([3, 4], gap.ImportedLevels);
    }

    [Fact]
    public async Task Gap_of_someone_else_is_only_for_their_reviewers()
    {
        await using var s = await CreateAsync();

        Assert.Equal("Eda Edge", (await s.UseCase<GetGap>().HandleAsync(s.Manager, new GetGapRequest(s.Edge.PersonId), Ct)).PersonName);
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetGap>().HandleAsync(s.OtherManager, new GetGapRequest(s.Edge.PersonId), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetGap>().HandleAsync(s.Ml, new GetGapRequest(s.Edge.PersonId), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetGap>().HandleAsync(s.Admin, new GetGapRequest(s.Edge.PersonId), Ct));
    }

    [Fact]
    public async Task Gap_for_a_level_that_is_not_imported_says_so()
    {
        await using var s = await CreateAsync();

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(LevelNumber: 5), Ct);

        Assert.False(gap.TargetImported);
        Assert.Empty(gap.Sections);
        Assert.Equal([4], gap.ImportedLevels);
    }

    [Fact]
    public async Task Gap_is_three_queries_and_the_authority_check_whatever_the_size_of_the_organisation()
    {
        await using var s = await CreateAsync();
        await Submitted(s, Benchmarking);
        var small = await CountAsync(s, () => s.UseCase<GetGap>().HandleAsync(s.Manager, new GetGapRequest(s.Edge.PersonId), Ct));
        await s.AddEngineersAsync(200);
        var large = await CountAsync(s, () => s.UseCase<GetGap>().HandleAsync(s.Manager, new GetGapRequest(s.Edge.PersonId), Ct));

        Assert.Equal(small, large);
        // Two reads (three when drafts have evidence), plus the one-row confirmation of the caller against the directory
        // every use case starts with.
        Assert.True(large <= 3 + 1, $"The gap view took {large} queries.");
    }

    [Fact]
    public async Task Gap_of_ones_own_is_two_queries_after_the_authority_check_and_a_third_only_for_drafts_with_evidence()
    {
        // Issue #15: the person with their levels, then the level content with the person's items and decisions as one
        // flat query (grouped in memory); the quality prompts of drafts with evidence ("strengthen evidence") are the only other read.
        await using var s = await CreateAsync();
        await Decide(s, await Submitted(s, Benchmarking), (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));

        var own = await CountAsync(s, () => s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct));
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Cuda));
        var withDraft = await CountAsync(s, () => s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct));

        Assert.Equal(1 + 2, own);
        Assert.Equal(1 + 3, withDraft);
    }

    [Fact]
    public async Task Heatmap_shows_each_report_per_area_with_a_gap_for_the_other_specialism()
    {
        await using var s = await CreateAsync();
        await Decide(s, await Submitted(s, Benchmarking), (r, d) => s.UseCase<SignOffItem>().HandleAsync(s.Manager, d, Ct));

        var heatmap = await s.UseCase<GetTeamHeatmap>().HandleAsync(s.Manager, null, Ct);

        Assert.Equal(4, heatmap.Level);
        Assert.Equal(["ml-ops", "ai-governance", "ai-strategy", "machine-learning-and-deep-learning", "edge-computing"], heatmap.Areas.Select(a => a.Anchor));
        var edge = heatmap.Rows.Single(r => r.PersonId == s.Edge.PersonId);
        var ml = heatmap.Rows.Single(r => r.PersonId == s.Ml.PersonId);
        Assert.Null(edge.Cells[3]);
        Assert.Null(ml.Cells[4]);
        Assert.Equal((6, 1), (edge.Cells[4]!.Statements, edge.Cells[4]!.SignedOff));
        Assert.Equal(13, edge.Overall.Statements);
        Assert.Empty((await s.UseCase<GetTeamHeatmap>().HandleAsync(s.OtherManager, null, Ct)).Rows);
        var small = await CountAsync(s, () => s.UseCase<GetTeamHeatmap>().HandleAsync(s.Manager, null, Ct));
        Assert.True(small <= 3 + 1, $"The heatmap took {small} queries (three reads and the authority check).");
    }

    [Fact]
    public async Task ExportGap_writes_a_row_per_statement_and_the_overall_figure()
    {
        await using var s = await CreateAsync();

        var (fileName, csv) = await s.UseCase<ExportGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);

        Assert.Equal("gap-EdaEdge-level4.csv", fileName);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 13 + 2 + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("Architecture Design") && l.Contains("Not yet defined"));
        Assert.EndsWith("0% ready,,", lines[^1].TrimEnd('\r'));
    }

    private static async Task<int> CountAsync<T>(Scenario s, Func<Task<T>> action)
    {
        s.Database.Commands.Reset();
        await action();
        return s.Database.Commands.Count;
    }

    private static async Task<int> Submitted(Scenario s, string prefix)
    {
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(prefix));
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        return itemId;
    }

    private static async Task Decide(Scenario s, int itemId, Func<int, DecisionRequest, Task<ItemSaved>> decide) =>
        await decide(itemId, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)));
}
