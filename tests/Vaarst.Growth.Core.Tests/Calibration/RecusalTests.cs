using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

/// <summary>
/// Nobody decides on someone they nominated or manage: a panel member (the chair too) who nominated a candidate, is
/// their line manager, or reviews them as the manager's active delegate is recused from pre-reads and the decision on
/// them. The chair decides; for a candidate the chair is recused from, a member who is not recused does.
/// </summary>
public sealed class RecusalTests
{
    [Fact]
    public async Task Chair_who_nominated_their_own_report_cannot_decide_on_them_and_another_member_does()
    {
        await using var s = await CreateAsync();
        var mia = await OnPanelAsync(s, s.Manager);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], mia.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(mia, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready for Level 4"), Ct);
        await s.UseCase<StartSession>().HandleAsync(mia, session, Ct);

        var version = await VersionAsync(s, edge);
        var decision = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<RecordDecision>().HandleAsync(mia, new RecordDecisionRequest(edge, version, Outcome.Promote, "Obviously ready"), Ct));
        Assert.Equal("You are recused from this candidate: you nominated them. The decision on them is for the members who are not recused.", decision.Message);
        var preRead = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SubmitPreRead>().HandleAsync(mia, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct));
        Assert.Contains("recused", preRead.Message);

        var chairView = Assert.Single((await s.UseCase<GetSession>().HandleAsync(mia, session, Ct)).Candidates);
        Assert.Equal(("you nominated them", false, false, true), (chairView.Recusal, chairView.CanDecide, chairView.CanPreRead, chairView.ChairRecused));
        var memberView = Assert.Single((await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct)).Candidates);
        Assert.Equal(((string?)null, true, true, true), (memberView.Recusal, memberView.CanDecide, memberView.CanPreRead, memberView.ChairRecused));

        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel2, new RecordDecisionRequest(edge, await VersionAsync(s, edge), Outcome.Promote, "Signed-off coverage in every area"), Ct);
        await using var db = s.Database.CreateDbContext();
        var recorded = await db.Nominations.SingleAsync(n => n.Id == edge, Ct);
        Assert.Equal((Outcome.Promote, s.Panel2.PersonId), (recorded.Decision, recorded.DecidedById));
        var audit = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.CalibrationDecided, Ct);
        Assert.Equal("Quinn Panel", audit.ActorName);
        Assert.Contains("\"chairRecused\":true", audit.After);
        // The chair still closes the session: closing decides on nobody.
        await s.UseCase<CloseSession>().HandleAsync(mia, session, Ct);
    }

    [Fact]
    public async Task PanelMember_who_is_the_line_manager_or_their_delegate_is_recused_from_pre_read_and_decision()
    {
        await using var s = await CreateAsync();
        var mia = await OnPanelAsync(s, s.Manager);
        var oscar = await OnPanelAsync(s, s.OtherManager);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [mia.PersonId!.Value, oscar.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);

        // Eda moves to Oscar: Oscar is now her line manager; Mia stays recused as her nominator.
        await using (var db = s.Database.CreateDbContext())
        {
            var eda = await db.People.SingleAsync(p => p.Id == s.Edge.PersonId, Ct);
            eda.ManagerId = oscar.PersonId;
            await db.SaveChangesAsync(Ct);
        }

        var line = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SubmitPreRead>().HandleAsync(oscar, new SubmitPreReadRequest(edge, Outcome.NotYet, null), Ct));
        Assert.Equal("You are recused from this candidate: you are their line manager. A pre-read on them is for the members who are not recused.", line.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SubmitPreRead>().HandleAsync(mia, new SubmitPreReadRequest(edge, Outcome.NotYet, null), Ct));
        Assert.Equal("you are their line manager", Assert.Single((await s.UseCase<GetSession>().HandleAsync(oscar, session, Ct)).Candidates).Recusal);

        // Quinn becomes Oscar's delegate for the week: recused while the delegation runs.
        var delegation = await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(oscar.PersonId!.Value, s.Panel2.PersonId!.Value, today, today.AddDays(7)), Ct);
        var asDelegate = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.NotYet, null), Ct));
        Assert.Contains("you review their items as their line manager's delegate", asDelegate.Message);
        await s.UseCase<EndDelegation>().HandleAsync(s.Admin, delegation, Ct);
        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.NotYet, null), Ct);

        // The chair is not conflicted, so the chair alone decides; the recused line manager cannot.
        var version = await VersionAsync(s, edge);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RecordDecision>().HandleAsync(oscar, new RecordDecisionRequest(edge, version, Outcome.Promote, "Yes"), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RecordDecision>().HandleAsync(s.Panel2, new RecordDecisionRequest(edge, version, Outcome.Promote, "Yes"), Ct));
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, version, Outcome.NotYet, "More evidence first"), Ct);
    }

    [Fact]
    public async Task Nomination_to_a_panel_where_everyone_would_be_recused_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var mia = await OnPanelAsync(s, s.Manager);
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(mia.PersonId!.Value, s.Panel1.PersonId!.Value, today, today.AddDays(7)), Ct);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value], mia.PersonId!.Value), Ct);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<NominateCandidate>().HandleAsync(mia, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct));

        Assert.Contains("Everyone on this session's panel would be recused from Eda Edge", ex.Message);
        Assert.Equal(0, await s.CountAsync<Nomination>());
    }

    /// <summary>Gives <paramref name="person"/> the Calibration panel role too, as an administrator would.</summary>
    private static async Task<Actor> OnPanelAsync(Scenario s, Actor person)
    {
        await using var db = s.Database.CreateDbContext();
        var row = await db.People.SingleAsync(p => p.Id == person.PersonId, Ct);
        row.Roles |= Roles.CalibrationPanel;
        await db.SaveChangesAsync(Ct);
        return person with { Roles = row.Roles };
    }

    private static async Task<int> VersionAsync(Scenario s, int nominationId)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync(Ct);
    }
}
