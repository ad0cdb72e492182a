using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

/// <summary>Promotion cycles: dated phases moved by the clock or early by an administrator, the embargo and the receipt.</summary>
public sealed class CycleTests
{
    // The test clock starts on Friday 27 November 2026.
    private static readonly CreateCycleRequest H1 = new("2027 H1", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15));

    [Fact]
    public async Task Phases_move_on_their_dates_and_early_by_an_administrator_audited()
    {
        await using var s = await CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<CreateCycle>().HandleAsync(s.Manager, H1, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1 with { ReleaseOn = H1.OpensOn }, Ct));
        var cycle = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1 with { Name = "2027 h1" }, Ct));

        var status = (await s.UseCase<GetCurrentCycle>().HandleAsync(s.Edge, Ct)).Current!;
        Assert.Equal((CyclePhase.Upcoming, 4, "Self-assessment opens in 4 days"), (status.Phase, status.DaysLeft, status.DeadlineText));

        s.Database.Clock.Advance(TimeSpan.FromDays(4));
        status = (await s.UseCase<GetCurrentCycle>().HandleAsync(s.Manager, Ct)).Current!;
        Assert.Equal((CyclePhase.SelfAssessment, new DateOnly(2026, 12, 8), 7), (status.Phase, status.Deadline, status.DaysLeft));

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<AdvanceCycle>().HandleAsync(s.Manager, new AdvanceCycleRequest(cycle, CyclePhase.SelfAssessment), Ct));
        await Assert.ThrowsAsync<ConflictException>(() => s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(cycle, CyclePhase.Upcoming), Ct));
        Assert.Equal(CyclePhase.Calibration, await s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(cycle, CyclePhase.SelfAssessment), Ct));

        var listed = Assert.Single(await s.UseCase<ListCycles>().HandleAsync(s.Admin, Ct));
        Assert.Equal((CyclePhase.Calibration, 14), (listed.Status.Phase, listed.Status.DaysLeft));
        await using var db = s.Database.CreateDbContext();
        var advanced = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.CycleAdvanced, Ct);
        Assert.Contains("ahead of its date", advanced.Summary);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.CycleCreated, Ct));
    }

    [Fact]
    public async Task Sessions_belong_to_a_cycle_and_nominations_close_with_its_phase()
    {
        await using var s = await CreateAsync();
        var cycle = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => SessionAsync(s, null));
        Assert.Contains("promotion cycle", ex.Message);
        var session = await SessionAsync(s, cycle);
        Assert.Equal("2027 H1", (await s.UseCase<ListSessions>().HandleAsync(s.Panel1, Ct)).Single().CycleName);

        s.Database.Clock.Advance(TimeSpan.FromDays(11));
        var closed = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Late"), Ct));
        Assert.Contains("Nominations for \"2027 H1\" are closed", closed.Message);
    }

    [Fact]
    public async Task Outcomes_stay_embargoed_until_the_release_which_tells_candidate_and_manager_together_and_the_candidate_acknowledges()
    {
        await using var s = await CreateAsync();
        var cycle = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        var (session, edge) = await DecidedAsync(s, cycle);

        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
        Assert.Empty(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct));
        Assert.Equal(0, await s.CountAsync<Vaarst.Growth.Core.Gap.DevelopmentPlan>());
        Assert.Empty(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Manager, Ct));
        Assert.DoesNotContain((await s.UseCase<GetNotifications>().HandleAsync(s.Edge, 20, Ct)).Latest, n => n.Kind == NotificationKinds.CalibrationOutcome);
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<AcknowledgeOutcome>().HandleAsync(s.Edge, edge, Ct));

        // The dates have moved the cycle to calibration; an administrator releases it ahead of the release date.
        s.Database.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(CyclePhase.Released, await s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(cycle, CyclePhase.Calibration), Ct));

        var outcome = Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct));
        Assert.Equal((Outcome.NotYet, "2027 H1", (DateTime?)null), (outcome.Decision, outcome.CycleName, outcome.AcknowledgedAtUtc));
        Assert.Equal(["Edge Computing"], outcome.Plan);
        await using (var plans = s.Database.CreateDbContext())
        {
            var plan = await plans.DevelopmentPlans.SingleAsync(Ct);
            Assert.Equal((s.Edge.PersonId!.Value, "Not yet · 2027 H1", (string?)null), (plan.PersonId, plan.Source, plan.RevisitCycle));
        }

        var gapPlan = Assert.Single(await s.UseCase<Vaarst.Growth.Core.Gap.GetDevelopmentPlans>().HandleAsync(s.Edge, null, Ct));
        Assert.Equal(["Edge Computing"], gapPlan.Areas);
        Assert.Single(await s.UseCase<Vaarst.Growth.Core.Gap.GetDevelopmentPlans>().HandleAsync(s.Manager, s.Edge.PersonId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<Vaarst.Growth.Core.Gap.GetDevelopmentPlans>().HandleAsync(s.Ml, s.Edge.PersonId, Ct));

        Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Manager, Ct));
        Assert.Contains((await s.UseCase<GetNotifications>().HandleAsync(s.Edge, 20, Ct)).Latest, n => n.Kind == NotificationKinds.CalibrationOutcome);
        Assert.Contains((await s.UseCase<GetNotifications>().HandleAsync(s.Manager, 20, Ct)).Latest, n => n.Kind == NotificationKinds.CalibrationOutcome);
        Assert.Equal(1, (await s.UseCase<GetCurrentCycle>().HandleAsync(s.Edge, Ct)).OutcomesToAcknowledge);
        var team = Assert.Single((await s.UseCase<GetCurrentCycle>().HandleAsync(s.Manager, Ct)).Team);
        Assert.Equal(("Eda Edge", (DateTime?)null), (team.Name, team.AcknowledgedAtUtc));

        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<AcknowledgeOutcome>().HandleAsync(s.Ml, edge, Ct));
        await s.UseCase<AcknowledgeOutcome>().HandleAsync(s.Edge, edge, Ct);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<AcknowledgeOutcome>().HandleAsync(s.Edge, edge, Ct));
        Assert.NotNull(Assert.Single((await s.UseCase<GetCurrentCycle>().HandleAsync(s.Manager, Ct)).Team).AcknowledgedAtUtc);
        Assert.Equal(0, (await s.UseCase<GetCurrentCycle>().HandleAsync(s.Edge, Ct)).OutcomesToAcknowledge);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.CycleReleased, Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.OutcomeAcknowledged, Ct));
    }

    [Fact]
    public async Task The_release_date_releases_a_cycle_once_every_session_is_closed()
    {
        await using var s = await CreateAsync();
        var cycle = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        var (session, _) = await DecidedAsync(s, cycle);
        s.Database.Clock.Advance(TimeSpan.FromDays(21));

        Assert.Equal(0, await s.UseCase<ReleaseDueCycles>().HandleAsync(Actor.System, Ct));
        var due = (await s.UseCase<GetCurrentCycle>().HandleAsync(s.Edge, Ct)).Current!;
        Assert.Equal((CyclePhase.Calibration, -3), (due.Phase, due.DaysLeft));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(cycle, CyclePhase.Calibration), Ct));

        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
        Assert.Equal(1, await s.UseCase<ReleaseDueCycles>().HandleAsync(Actor.System, Ct));
        Assert.Equal(0, await s.UseCase<ReleaseDueCycles>().HandleAsync(Actor.System, Ct));
        Assert.Null((await s.UseCase<GetCurrentCycle>().HandleAsync(s.Edge, Ct)).Current);
        Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct));
    }

    [Fact]
    public async Task The_next_cycle_shows_the_plan_to_the_nominating_manager_and_the_trajectory_to_the_panel()
    {
        await using var s = await CreateAsync();
        var h1 = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        var h2 = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, new CreateCycleRequest("2027 H2", new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 20)), Ct);
        var (session, _) = await DecidedAsync(s, h1);
        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
        s.Database.Clock.Advance(TimeSpan.FromDays(11));
        await s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(h1, CyclePhase.Calibration), Ct);

        // The manager's history of the report pre-fills the next nomination.
        var history = Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Manager, Ct));
        Assert.Equal((s.Edge.PersonId!.Value, Outcome.NotYet, "Edge Computing"), (history.CandidateId, history.Decision, Assert.Single(history.Plan)));

        var next = await SessionAsync(s, h2);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(next, s.Edge.PersonId!.Value, "Worked on edge computing"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, next, Ct);
        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel1, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);
        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);
        var version = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, next, Ct)).Candidates.Single().Version;
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, version, Outcome.Defer, "Wait for the next release", ["Edge Computing"]), Ct);

        var trajectory = (await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct)).Trajectory!;
        var past = Assert.Single(trajectory.Past);
        Assert.Equal(("2027 H1", Outcome.NotYet, (int?)0), (past.Cycle, past.Decision, past.ReadinessPercent));
        Assert.Equal((Outcome.Promote, 2, Outcome.Defer, true), (trajectory.PreReadMajority, trajectory.PreReads, trajectory.Final, trajectory.PanelMoved));
        var column = Assert.Single((await s.UseCase<GetComparison>().HandleAsync(s.Panel1, next, Ct)).Candidates);
        Assert.Equal("Candidate A", column.Label);
        Assert.Equal("2027 H1", Assert.Single(column.Trajectory!.Past).Cycle);
    }

    [Fact]
    public async Task A_released_decision_is_locked_and_reopens_only_on_the_chairs_request_approved_by_another_administrator()
    {
        await using var s = await CreateAsync();
        var cycle = await s.UseCase<CreateCycle>().HandleAsync(s.Admin, H1, Ct);
        var (session, edge) = await DecidedAsync(s, cycle);
        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RequestReopen>().HandleAsync(s.Panel1, new RequestReopenRequest(edge, "Too early"), Ct));
        s.Database.Clock.Advance(TimeSpan.FromDays(11));
        await s.UseCase<AdvanceCycle>().HandleAsync(s.Admin, new AdvanceCycleRequest(cycle, CyclePhase.Calibration), Ct);
        // The chair is an administrator too: they still cannot approve their own request.
        await using (var db = s.Database.CreateDbContext())
        {
            await db.People.Where(p => p.Id == s.Panel1.PersonId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Roles, Roles.CalibrationPanel | Roles.Administrator), Ct);
        }

        var locked = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single();
        Assert.Equal((false, true), (locked.CanDecide, locked.CanRequestReopen));
        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, locked.Version, Outcome.Promote, "On reflection"), Ct));
        Assert.Contains("locked", ex.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RequestReopen>().HandleAsync(s.Panel2, new RequestReopenRequest(edge, "I disagree"), Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RequestReopen>().HandleAsync(s.Panel1, new RequestReopenRequest(edge, " "), Ct));
        var request = await s.UseCase<RequestReopen>().HandleAsync(s.Panel1, new RequestReopenRequest(edge, "Edge evidence was overlooked"), Ct);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RequestReopen>().HandleAsync(s.Panel1, new RequestReopenRequest(edge, "Again"), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ApproveReopen>().HandleAsync(s.Panel1, request, Ct));
        Assert.False(Assert.Single(await s.UseCase<ListReopenRequests>().HandleAsync(s.Panel1, Ct)).MayApprove);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, locked.Version, Outcome.Promote, "On reflection"), Ct));

        await s.UseCase<ApproveReopen>().HandleAsync(s.Admin, request, Ct);
        var reopened = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single();
        Assert.Equal((true, "Reopened: record the decision again."), (reopened.CanDecide, reopened.Reopen));
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, reopened.Version, Outcome.Promote, "On reflection, ready"), Ct);

        var after = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single();
        Assert.Equal((Outcome.Promote, false, (string?)null), (after.Decision, after.CanDecide, after.Reopen));
        var history = Assert.Single(after.History!);
        Assert.Equal((Outcome.NotYet, "Needs more edge evidence", "Edge evidence was overlooked"), (history.Decision, history.Rationale, history.Reason));
        Assert.Equal(Outcome.Promote, Assert.Single(await s.UseCase<GetMyOutcomes>().HandleAsync(s.Edge, Ct)).Decision);
        await using var audit = s.Database.CreateDbContext();
        Assert.Equal(1, await audit.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ReopenRequested && a.ActorName == "Pat Panel", Ct));
        Assert.Equal(1, await audit.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ReopenApproved && a.ActorName == "Ada Admin", Ct));
        Assert.Equal(2, await audit.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.CalibrationDecided, Ct));
    }

    private static Task<int> SessionAsync(Scenario s, int? cycle) =>
        s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value, CycleId: cycle), Ct);

    /// <summary>A session of the cycle with Eda nominated, started and decided "Not yet" (not closed).</summary>
    private static async Task<(int Session, int Edge)> DecidedAsync(Scenario s, int cycle)
    {
        var session = await SessionAsync(s, cycle);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        var candidate = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single();
        Assert.Contains("Edge Computing", candidate.PlanOptions!);
        var decision = new RecordDecisionRequest(edge, candidate.Version, Outcome.NotYet, "Needs more edge evidence");
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, decision, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel1, decision with { PlanAreas = ["Underwater basket weaving"] }, Ct));
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, decision with { PlanAreas = ["Edge Computing"] }, Ct);
        return (session, edge);
    }
}
