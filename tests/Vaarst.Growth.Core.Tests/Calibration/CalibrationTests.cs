using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

public sealed class CalibrationTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private static readonly string[] Identities = ["Eda Edge", "Max Ml", "Mia Manager", "eda@vaarst.example", "max@vaarst.example", "mia@vaarst.example"];

    [Fact]
    public async Task Only_panel_members_see_a_session_and_managers_nominate_only_their_own_reports()
    {
        await using var s = await CreateAsync();
        var session = await SessionAsync(s);

        Assert.Equal([session], (await s.UseCase<ListSessions>().HandleAsync(s.Panel1, Ct)).Select(x => x.Id));
        Assert.Empty(await s.UseCase<ListSessions>().HandleAsync(s.Panel3, Ct));
        Assert.Single(await s.UseCase<ListSessions>().HandleAsync(s.Manager, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetSession>().HandleAsync(s.Panel3, session, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetComparison>().HandleAsync(s.Manager, session, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<NominateCandidate>().HandleAsync(s.OtherManager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Great"), Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "  "), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<CreateSession>().HandleAsync(s.Manager,
            new CreateSessionRequest("x", 4, new DateOnly(2027, 1, 1), [s.Panel1.PersonId!.Value], s.Panel2.PersonId!.Value), Ct));

        var nomination = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Led the Jetson port"), Ct);
        var dossier = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, nomination, Ct);
        Assert.Equal("Candidate A", dossier.Label);
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel3, nomination, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "again"), Ct));
    }

    [Fact]
    public async Task Only_engineers_below_the_target_level_can_be_nominated()
    {
        await using var s = await CreateAsync();
        var session = await SessionAsync(s);
        await using (var db = s.Database.CreateDbContext())
        {
            await db.People.Where(p => p.Id == s.Ml.PersonId).ExecuteUpdateAsync(p => p.SetProperty(x => x.CurrentLevel, 4), Ct);
        }

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Already there"), Ct));
        Assert.Contains("already at Level 4", ex.Message);
        Assert.Equal(0, await s.CountAsync<Nomination>());
        await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Level 3 today"), Ct);
        Assert.True(Eligibility.IsBelow(null, 4));
        Assert.False(Eligibility.IsBelow(5, 4));
    }

    [Fact]
    public async Task Nominations_close_when_the_chair_starts_the_session()
    {
        await using var s = await CreateAsync();
        var session = await SessionAsync(s);
        await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<StartSession>().HandleAsync(s.Panel2, session, Ct));
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Also ready"), Ct));
        Assert.Contains("closed", ex.Message);
    }

    [Fact]
    public async Task Blind_session_hides_names_and_managers_in_every_panel_result_until_a_member_reveals_with_a_reason()
    {
        await using var s = await CreateAsync();
        // Reviewed before the start, so the frozen record holds the comment.
        var itemId = await SubmittedItemAsync(s);
        await s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, "Please add the results run", s.Seen(itemId)), Ct);
        var (session, edge, ml) = await StartedAsync(s);
        var dossier = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct);
        var comment = dossier.Areas.SelectMany(a => a.Statements).SelectMany(st => st.ReviewComments).Single();
        Assert.Equal(("Line manager", "Please add the results run"), (comment.Reviewer, comment.Comment));

        foreach (var result in await PanelResultsAsync(s, s.Panel2, session, edge))
        {
            var json = JsonSerializer.Serialize(result);
            Assert.All(Identities, identity => Assert.DoesNotContain(identity, json));
        }

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, " "), Ct));
        await s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, "Need to check a conflict of interest"), Ct);

        // A reveal names one candidate to one member.
        var revealed = await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct);
        Assert.False(revealed.SeesIdentities);
        Assert.Contains(revealed.Candidates, c => c.NominationId == edge && c.Label == "Eda Edge" && c.ManagerName == "Mia Manager" && c.Named && !c.CanReveal);
        Assert.Contains(revealed.Candidates, c => c.NominationId == ml && c.Label == "Candidate B" && c.ManagerName is null && !c.Named && c.CanReveal);
        var chair = await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct);
        Assert.False(chair.SeesIdentities);
        Assert.All(chair.Candidates, c => Assert.StartsWith("Candidate ", c.Label));
        var reveal = Assert.Single(chair.Reveals);
        Assert.Equal(("Quinn Panel", "Candidate A", "Need to check a conflict of interest"), (reveal.MemberName, reveal.CandidateLabel, reveal.Reason));
        Assert.Empty((await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct)).Reveals);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.IdentitiesRevealed, Ct));
    }

    [Fact]
    public async Task Pre_reads_of_others_stay_hidden_until_the_member_submitted_their_own()
    {
        await using var s = await CreateAsync();
        var (session, edge, _) = await StartedAsync(s);

        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel1, new SubmitPreReadRequest(edge, Outcome.Promote, "Strong edge work"), Ct);

        var before = (await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct)).Candidates.Single(c => c.NominationId == edge);
        Assert.Null(before.MyPreRead);
        Assert.Empty(before.OtherPreReads);
        Assert.Equal(1, before.PreReadCount);

        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.NotYet, null), Ct);

        var after = (await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct)).Candidates.Single(c => c.NominationId == edge);
        Assert.Equal(Outcome.NotYet, after.MyPreRead!.Outcome);
        var other = Assert.Single(after.OtherPreReads);
        Assert.Equal((Outcome.Promote, "Strong edge work"), (other.Outcome, other.Note));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<SubmitPreRead>().HandleAsync(s.Panel3, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct));
    }

    [Fact]
    public async Task Decisions_need_a_rationale_only_the_chair_decides_and_closing_locks_the_session()
    {
        await using var s = await CreateAsync();
        var (session, edge, ml) = await StartedAsync(s);
        var version = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single(c => c.NominationId == edge).Version;

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, version, Outcome.Promote, " "), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel2, new RecordDecisionRequest(edge, version, Outcome.Promote, "yes"), Ct));
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, version, Outcome.Promote, "Consistent evidence across all areas"), Ct);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct));
        var mlVersion = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single(c => c.NominationId == ml).Version;
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(ml, mlVersion, Outcome.NotYet, "Needs ML Ops evidence"), Ct);
        Assert.Empty(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct));

        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);

        var closedVersion = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single(c => c.NominationId == edge).Version;
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, closedVersion, Outcome.Defer, "changed mind"), Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.Defer, null), Ct));
        var mine = Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct));
        Assert.Equal((Outcome.Promote, "Consistent evidence across all areas", true), (mine.Decision, mine.Rationale, mine.IsMe));
        Assert.Equal(2, (await s.UseCase<GetMyOutcomes>().HandleAsync(s.Manager, Ct)).Count);
        Assert.Empty(await s.UseCase<GetMyOutcomes>().HandleAsync(s.OtherManager, Ct));
        Assert.Contains((await s.UseCase<GetNotifications>().HandleAsync(s.Edge, 20, Ct)).Latest, n => n.Kind == "calibration.outcome");
        await using var db = s.Database.CreateDbContext();
        foreach (var type in new[] { AuditEventTypes.SessionCreated, AuditEventTypes.SessionStarted, AuditEventTypes.SessionClosed })
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == type, Ct));
        }

        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.CalibrationDecided, Ct));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.CandidateNominated, Ct));
    }

    [Fact]
    public async Task Comparison_shows_coverage_evidence_and_recency_per_area_and_candidate()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedItemAsync(s);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        var (session, _, _) = await StartedAsync(s);

        var comparison = await s.UseCase<GetComparison>().HandleAsync(s.Panel1, session, Ct);

        Assert.Equal(["Candidate A", "Candidate B"], comparison.Candidates.Select(c => c.Label));
        var edgeRow = comparison.Areas.ToList().FindIndex(a => a.Anchor == "edge-computing");
        var mlRow = comparison.Areas.ToList().FindIndex(a => a.Anchor == "machine-learning-and-deep-learning");
        var edgeCell = comparison.Cells[edgeRow][0]!;
        Assert.Equal((1, 6, 1, new DateOnly(2026, 10, 1)), (edgeCell.Counts.SignedOff, edgeCell.Counts.Applicable, edgeCell.EvidenceCount, edgeCell.LatestEvidence));
        Assert.Null(comparison.Cells[mlRow][0]);
        Assert.Null(comparison.Cells[edgeRow][1]);
        Assert.Equal(1, comparison.Candidates[0].Overall.SignedOff);
        var (_, csv) = await s.UseCase<ExportComparison>().HandleAsync(s.Panel1, session, Ct);
        Assert.Contains("Candidate A,All,ML Ops,0,3,0,0,,0", csv);
        Assert.Contains("Candidate A,Edge ML Engineer,Edge Computing,1,6,17,1,2026-10-01,0", csv);
    }

    [Fact]
    public async Task Analytics_flag_a_lenient_manager_with_the_rule_shown()
    {
        await using var s = await CreateAsync();
        await using (var db = s.Database.CreateDbContext())
        {
            var statements = await db.Statements.Select(x => x.Id).Take(8).ToListAsync(Ct);
            var random = new Random(42);
            for (var m = 0; m < 6; m++)
            {
                var lenient = m == 5;
                var manager = new Person { Name = lenient ? "Lenny Lenient" : $"Manager {m}", Email = $"m{m}@vaarst.example", Roles = Roles.Manager };
                for (var e = 0; e < 4; e++)
                {
                    var engineer = new Person { Name = $"E{m}-{e}", Email = $"e{m}-{e}@vaarst.example", Roles = Roles.Engineer, Manager = manager };
                    foreach (var statementId in statements)
                    {
                        var signOff = lenient || random.NextDouble() < 0.5;
                        var item = new ChecklistItem { Person = engineer, StatementId = statementId, Status = signOff ? ItemStatus.SignedOff : ItemStatus.ChangesRequested };
                        item.Decisions.Add(new ReviewDecision { Reviewer = manager, Kind = signOff ? DecisionKind.SignOff : DecisionKind.RequestChanges, DecidedAtUtc = DateTime.UtcNow, EvidenceCount = lenient ? 0 : 2 });
                        db.ChecklistItems.Add(item);
                    }
                }
            }

            await db.SaveChangesAsync(Ct);
        }

        var report = await s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Admin, Ct);

        var lenny = report.Managers.Single(m => m.Name == "Lenny Lenient");
        Assert.Equal((1.0, OutlierFlag.High, OutlierFlag.Low), (lenny.SignOffRate, lenny.RateFlag, lenny.EvidenceFlag));
        Assert.All(report.Managers.Where(m => m.Name != "Lenny Lenient"), m => Assert.Equal(OutlierFlag.None, m.RateFlag));
        Assert.Contains("1.5 × IQR", report.RateRule!.Description);
        Assert.Equal(6 * 4 * 8, report.Decisions);
        Assert.NotEmpty(report.Statements);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Panel1, Ct));
    }

    [Fact]
    public async Task Outlier_rule_uses_tukey_fences()
    {
        var rule = OutlierRule.For("x", [1, 2, 3, 4, 100])!;

        Assert.Equal((2, 4, -1, 7), (rule.Q1, rule.Q3, rule.LowFence, rule.HighFence));
        Assert.Equal(OutlierFlag.High, rule.Flag(100));
        Assert.Equal(OutlierFlag.None, rule.Flag(3));
        Assert.Null(OutlierRule.For("x", [1, 2, 3]));
        await Task.CompletedTask;
    }

    private static async Task<int> SessionAsync(Scenario s) =>
        await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Autumn 2026 · Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);

    private static async Task<(int Session, int Edge, int Ml)> StartedAsync(Scenario s)
    {
        var session = await SessionAsync(s);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Shipped the edge pipeline"), Ct);
        var ml = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Strong research work"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        return (session, edge, ml);
    }

    private static async Task<int> SubmittedItemAsync(Scenario s)
    {
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        return itemId;
    }

    private static async Task<object[]> PanelResultsAsync(Scenario s, Actor member, int session, int nomination) =>
    [
        await s.UseCase<GetSession>().HandleAsync(member, session, Ct),
        await s.UseCase<GetComparison>().HandleAsync(member, session, Ct),
        await s.UseCase<GetCandidateDossier>().HandleAsync(member, nomination, Ct),
        (await s.UseCase<ExportComparison>().HandleAsync(member, session, Ct)).Csv,
        (await s.UseCase<ListSessions>().HandleAsync(member, Ct)).ToList(),
    ];
}
