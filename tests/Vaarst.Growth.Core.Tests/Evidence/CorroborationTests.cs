using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Evidence;

/// <summary>Eda asks colleagues to vouch for her evidence; Max (another engineer, not her manager) answers.</summary>
public sealed class CorroborationTests
{
    private static readonly EvidenceDetails Details = new("Rollout pull request", new DateOnly(2026, 10, 1), "I wrote the rollout job.");

    [Fact]
    public async Task Colleague_confirms_and_the_engineer_and_her_manager_see_it_by_name_with_counts_and_notices()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance/benchmarking code"));

        var id = Assert.Single(await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge,
            new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value], "Can you confirm my role in the rollout?"), Ct));

        var notice = Assert.Single((await s.UseCase<GetNotifications>().HandleAsync(s.Ml, 20, Ct)).Latest, n => n.Kind == NotificationKinds.CorroborationRequested);
        Assert.Equal($"/corroborations/{id}", notice.Link);
        Assert.Single(await s.UseCase<GetMyCorroborationRequests>().HandleAsync(s.Ml, Ct));
        var page = await s.UseCase<GetCorroborationRequest>().HandleAsync(s.Ml, id, Ct);
        Assert.Equal(("Eda Edge", "Can you confirm my role in the rollout?", CorroborationStatus.Requested), (page.RequesterName, page.Question, page.Status));
        Assert.Equal(evidenceId, page.Evidence.Id);
        Assert.Single(page.Evidence.Supports);

        await s.UseCase<AnswerCorroboration>().HandleAsync(s.Ml, new AnswerCorroborationRequest(id, page.Version, CorroborationAnswer.Confirm), Ct);

        var library = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal((1, 0), (library.Confirmed, library.Disputed));
        Assert.Equal(("Max Ml", false), (library.Corroborations[0].By, library.Corroborations[0].OnEarlierVersion));
        var item = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal("Max Ml", Assert.Single(item.Evidence).Corroborations.Single().By);
        var row = (await s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(), Ct)).Rows.Single(r => r.ItemId == itemId);
        Assert.Equal((1, 0), (row.Corroborated, row.Disputed));
        Assert.Contains((await s.UseCase<GetNotifications>().HandleAsync(s.Edge, 20, Ct)).Latest, n => n.Kind == NotificationKinds.CorroborationAnswered && n.Title.Contains("confirmed"));
        Assert.Empty(await s.UseCase<GetMyCorroborationRequests>().HandleAsync(s.Ml, Ct));

        await using var db = s.Database.CreateDbContext();
        var events = await db.AuditEvents.Where(a => a.SubjectType == "Evidence" && a.SubjectId == evidenceId.ToString()).Select(a => a.Type).ToListAsync(Ct);
        Assert.Contains(AuditEventTypes.CorroborationRequested, events);
        Assert.Contains(AuditEventTypes.CorroborationAnswered, events);
        await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<AnswerCorroboration>().HandleAsync(s.Ml, new AnswerCorroborationRequest(id, page.Version + 1, CorroborationAnswer.Dispute, "Changed my mind"), Ct));
    }

    [Fact]
    public async Task Engineer_cannot_ask_herself_her_line_manager_or_the_same_colleague_twice_and_nothing_is_saved()
    {
        await using var s = await CreateAsync();
        var evidenceId = await AddAsync(s);
        var request = s.UseCase<RequestCorroboration>();

        var self = await Assert.ThrowsAsync<ValidationException>(() => request.HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Edge.PersonId!.Value]), Ct));
        Assert.Contains(self.Errors, e => e.Contains("your own evidence"));
        var manager = await Assert.ThrowsAsync<ValidationException>(() => request.HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value, s.Manager.PersonId!.Value]), Ct));
        Assert.Contains(manager.Errors, e => e.Contains("line manager"));
        await Assert.ThrowsAsync<ValidationException>(() => request.HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, []), Ct));
        Assert.Equal(0, await s.CountAsync<Corroboration>());

        var candidates = await s.UseCase<GetCorroborationCandidates>().HandleAsync(s.Edge, evidenceId, Ct);
        Assert.DoesNotContain(candidates.Colleagues, c => c.Id == s.Edge.PersonId || c.Id == s.Manager.PersonId);
        Assert.Contains(candidates.Colleagues, c => c.Id == s.Ml.PersonId);

        await request.HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct);
        var twice = await Assert.ThrowsAsync<ValidationException>(() => request.HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct));
        Assert.Contains(twice.Errors, e => e.Contains("already asked Max Ml"));
        Assert.Equal(1, await s.CountAsync<Corroboration>());
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<RequestCorroboration>().HandleAsync(s.Ml, new RequestCorroborationRequest(evidenceId, [s.Panel1.PersonId!.Value]), Ct));
    }

    [Fact]
    public async Task Dispute_needs_a_note_decline_counts_for_nothing_and_only_the_colleague_answers()
    {
        await using var s = await CreateAsync();
        var evidenceId = await AddAsync(s);
        var ids = await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value, s.Panel1.PersonId!.Value]), Ct);
        var answer = s.UseCase<AnswerCorroboration>();

        await Assert.ThrowsAsync<ValidationException>(() => answer.HandleAsync(s.Ml, new AnswerCorroborationRequest(ids[0], 0, CorroborationAnswer.Dispute, " "), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => answer.HandleAsync(s.Panel1, new AnswerCorroborationRequest(ids[0], 0, CorroborationAnswer.Confirm), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetCorroborationRequest>().HandleAsync(s.Edge, ids[0], Ct));
        await answer.HandleAsync(s.Ml, new AnswerCorroborationRequest(ids[0], 0, CorroborationAnswer.Dispute, "Priya wrote the job; Eda reviewed it."), Ct);
        await answer.HandleAsync(s.Panel1, new AnswerCorroborationRequest(ids[1], 0, CorroborationAnswer.Decline), Ct);

        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal((0, 1), (evidence.Confirmed, evidence.Disputed));
        Assert.Equal("Priya wrote the job; Eda reviewed it.", evidence.Corroborations.Single().Note);
        var states = (await s.UseCase<GetCorroborationCandidates>().HandleAsync(s.Edge, evidenceId, Ct)).Requests.Select(r => r.Status).Order();
        Assert.Equal([CorroborationStatus.Disputed, CorroborationStatus.Declined], states);
    }

    [Fact]
    public async Task Request_expires_after_the_configured_days_and_can_then_be_asked_again()
    {
        await using var s = await CreateAsync();
        s.EvidenceOptions.CorroborationExpiryDays = 3;
        var evidenceId = await AddAsync(s);
        var id = Assert.Single(await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct));

        s.Database.Clock.Advance(TimeSpan.FromDays(3));

        var expired = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<AnswerCorroboration>().HandleAsync(s.Ml, new AnswerCorroborationRequest(id, 0, CorroborationAnswer.Confirm), Ct));
        Assert.Contains("expired", expired.Message);
        Assert.Equal(CorroborationStatus.Expired, (await s.UseCase<GetCorroborationRequest>().HandleAsync(s.Ml, id, Ct)).Status);
        Assert.Empty(await s.UseCase<GetMyCorroborationRequests>().HandleAsync(s.Ml, Ct));
        Assert.Equal(CorroborationStatus.Expired, Assert.Single((await s.UseCase<GetCorroborationCandidates>().HandleAsync(s.Edge, evidenceId, Ct)).Requests).Status);
        await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct);
    }

    [Fact]
    public async Task Editing_corroborated_evidence_keeps_the_answer_marked_as_made_on_an_earlier_version()
    {
        await using var s = await CreateAsync();
        var evidenceId = await AddAsync(s);
        var id = Assert.Single(await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct));
        await s.UseCase<AnswerCorroboration>().HandleAsync(s.Ml, new AnswerCorroborationRequest(id, 0, CorroborationAnswer.Confirm), Ct);
        var before = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));

        await s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, before.Version, Details with { Description = "I wrote and ran the rollout job." }, before.Url), Ct);

        var after = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        var answer = Assert.Single(after.Corroborations);
        Assert.True(answer.OnEarlierVersion);
        Assert.Equal(1, after.Confirmed);
    }

    [Fact]
    public async Task Blind_panel_sees_the_confirmation_without_the_colleagues_name()
    {
        await using var s = await CreateAsync();
        var benchmarking = await s.StatementAsync("I can to write performance/benchmarking code");
        var (_, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, benchmarking);
        // Max is at Level 4, the level the scenario's framework has, so the name-free line can give its title.
        await using (var db = s.Database.CreateDbContext())
        {
            await db.People.Where(p => p.Id == s.Ml.PersonId).ExecuteUpdateAsync(u => u.SetProperty(p => p.CurrentLevel, 4), Ct);
        }

        var id = Assert.Single(await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(evidenceId, [s.Ml.PersonId!.Value]), Ct));
        await s.UseCase<AnswerCorroboration>().HandleAsync(s.Ml, new AnswerCorroborationRequest(id, 0, CorroborationAnswer.Confirm, "I paired with Eda on it"), Ct);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Blind", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var nomination = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);

        var dossier = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, nomination, Ct);

        var evidence = dossier.Areas.SelectMany(a => a.Statements).SelectMany(st => st.Evidence).Single(e => e.Id == evidenceId);
        var confirmation = Assert.Single(evidence.Corroborations);
        Assert.Equal(("a colleague (Mid)", CorroborationStatus.Confirmed), (confirmation.By, confirmation.Status));
        Assert.DoesNotContain("Max", System.Text.Json.JsonSerializer.Serialize(dossier));
        var comparison = await s.UseCase<GetComparison>().HandleAsync(s.Panel1, session, Ct);
        Assert.Equal(1, comparison.Cells.SelectMany(row => row).Sum(cell => cell?.Corroborated ?? 0));
    }

    private static Task<int> AddAsync(Scenario s) =>
        s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge, new AddLinkEvidenceRequest(Details, "https://github.com/vaarst/x/pull/3", []), Ct);
}
