using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Demo;
using Vaarst.Growth.Core.Home;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Authorization;

/// <summary>Who calls, relative to the engineer whose data the use case touches (Eda, an Edge ML engineer).</summary>
public enum Caller
{
    Self,
    Manager,
    OtherManager,
    Delegate,
    OtherEngineer,
    Panel,
    OtherPanel,
    Admin,
    Anonymous,
    /// <summary>A member of Eda's (blind) panel who revealed her identity with a reason.</summary>
    RevealedPanel,
    /// <summary>A member of Eda's panel who reviews her items as her line manager's delegate, so is recused from her.</summary>
    RecusedPanel,
    /// <summary>
    /// A stale caller: her sign-in still claims every role (she was an administrator, manager and panel member), but the
    /// directory now makes her an engineer and nothing else. Only what the directory says counts.
    /// </summary>
    FormerAdmin,
}

/// <summary>
/// Every use case × every kind of caller, allowed or denied. "Denied" means the use case refused with
/// ForbiddenException or NotFoundException; anything else (success, or a business rule such as "only a submitted item
/// can be signed off") means the caller got past authorization. A new use case must add its row (a test checks).
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly Caller[] People = [Caller.Self, Caller.Manager, Caller.OtherManager, Caller.Delegate, Caller.OtherEngineer, Caller.Panel, Caller.OtherPanel, Caller.Admin, Caller.RevealedPanel, Caller.RecusedPanel, Caller.FormerAdmin];
    private static readonly Caller[] Engineers = [Caller.Self, Caller.OtherEngineer, Caller.FormerAdmin];
    private static readonly Caller[] Reviewers = [Caller.Manager, Caller.Delegate, Caller.RecusedPanel];
    // Everyone on Eda's panel reads its name-free views; only a member who revealed her reads her named record.
    private static readonly Caller[] EdasPanel = [Caller.Panel, Caller.RevealedPanel, Caller.RecusedPanel];
    private static readonly Caller[] NamedReaders = [Caller.Self, .. Reviewers, Caller.RevealedPanel];
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));
    private static readonly EvidenceDetails Details = new("Evidence", new DateOnly(2026, 10, 1), null);
    private static readonly DateOnly GitHubFrom = new(2026, 10, 1);
    private static readonly DateOnly GitHubTo = new(2026, 10, 31);

    private sealed record Row(Type UseCase, Caller[] Allowed, Func<Matrix, Actor, Task> Act);

    private static readonly Row[] Rows =
    [
        new(typeof(ImportFramework), [Caller.Admin], (m, a) => m.S.UseCase<ImportFramework>().HandleAsync(a, new ImportFrameworkRequest(FrameworkPageParser.Parse("level4.md", Seed).Pages, "test"), Ct)),
        new(typeof(PreviewFrameworkImport), [Caller.Admin], (m, a) => m.S.UseCase<PreviewFrameworkImport>().HandleAsync(a, [new FrameworkUpload("level4.md", Seed)], Ct)),
        new(typeof(GetFrameworkVersions), [Caller.Admin], (m, a) => m.S.UseCase<GetFrameworkVersions>().HandleAsync(a, Ct)),
        new(typeof(SeedDemoOrganisation), [Caller.Admin], (m, a) => m.S.UseCase<SeedDemoOrganisation>().HandleAsync(a, RepositoryRoot.Combine("seed-content", "demo", "organisation.yaml"), Ct)),
        new(typeof(GetFrameworkCatalogue), People, (m, a) => m.S.UseCase<GetFrameworkCatalogue>().HandleAsync(a, Ct)),
        new(typeof(GetLevel), People, (m, a) => m.S.UseCase<GetLevel>().HandleAsync(a, m.LevelId, Ct)),
        new(typeof(GetMyProfile), People, (m, a) => m.S.UseCase<GetMyProfile>().HandleAsync(a, Ct)),
        new(typeof(GetDarkMode), People, (m, a) => m.S.UseCase<GetDarkMode>().HandleAsync(a, Ct)),
        new(typeof(SetDarkMode), People, (m, a) => m.S.UseCase<SetDarkMode>().HandleAsync(a, true, Ct)),
        new(typeof(GetPreferences), People, (m, a) => m.S.UseCase<GetPreferences>().HandleAsync(a, Ct)),
        new(typeof(SetTimeZone), People, (m, a) => m.S.UseCase<SetTimeZone>().HandleAsync(a, "Europe/London", false, Ct)),
        new(typeof(GetNotificationPreferences), People, (m, a) => m.S.UseCase<GetNotificationPreferences>().HandleAsync(a, Ct)),
        new(typeof(SetNotificationPreferences), People, (m, a) => m.S.UseCase<SetNotificationPreferences>().HandleAsync(a,
            new Dictionary<string, NotificationDelivery> { [NotificationKinds.ItemSignedOff] = NotificationDelivery.DailyDigest }, Ct)),
        new(typeof(GetMyTeam), People, (m, a) => m.S.UseCase<GetMyTeam>().HandleAsync(a, Ct)),
        new(typeof(GetNotifications), People, (m, a) => m.S.UseCase<GetNotifications>().HandleAsync(a, 20, Ct)),
        new(typeof(MarkNotificationsRead), People, (m, a) => m.S.UseCase<MarkNotificationsRead>().HandleAsync(a, new MarkNotificationsReadRequest(null), Ct)),
        new(typeof(GetReviewQueue), People, (m, a) => m.S.UseCase<GetReviewQueue>().HandleAsync(a, new GetReviewQueueRequest(), Ct)),
        new(typeof(CountReviewQueue), People, (m, a) => m.S.UseCase<CountReviewQueue>().HandleAsync(a, Ct)),
        new(typeof(GetNavigationSummary), People, (m, a) => m.S.UseCase<GetNavigationSummary>().HandleAsync(a, Ct)),
        new(typeof(GetHomeSummary), People, (m, a) => m.S.UseCase<GetHomeSummary>().HandleAsync(a, Ct)),
        new(typeof(ListSessions), People, (m, a) => m.S.UseCase<ListSessions>().HandleAsync(a, Ct)),
        new(typeof(GetMyOutcomes), People, (m, a) => m.S.UseCase<GetMyOutcomes>().HandleAsync(a, Ct)),
        new(typeof(GetTeamHeatmap), People, (m, a) => m.S.UseCase<GetTeamHeatmap>().HandleAsync(a, null, Ct)),
        new(typeof(AssignDelegate), [Caller.Admin], (m, a) => m.S.UseCase<AssignDelegate>().HandleAsync(a, new AssignDelegateRequest(m.S.Manager.PersonId!.Value, m.S.OtherManager.PersonId!.Value, m.Today, m.Today.AddDays(1)), Ct)),
        new(typeof(EndDelegation), [Caller.Admin], (m, a) => m.S.UseCase<EndDelegation>().HandleAsync(a, m.DelegationId, Ct)),
        new(typeof(ListDelegations), [Caller.Admin], (m, a) => m.S.UseCase<ListDelegations>().HandleAsync(a, Ct)),
        new(typeof(ListDirectory), [Caller.Admin], (m, a) => m.S.UseCase<ListDirectory>().HandleAsync(a, Ct)),
        new(typeof(PreviewDirectoryImport), [Caller.Admin], (m, a) => m.S.UseCase<PreviewDirectoryImport>().HandleAsync(a, "name,email,manager_email,craft,specialism,current_level,target_level,roles\nNew,new@vaarst.example,,,,,,Engineer", Ct)),
        new(typeof(ApplyDirectoryImport), [Caller.Admin], (m, a) => m.S.UseCase<ApplyDirectoryImport>().HandleAsync(a, "name,email,manager_email,craft,specialism,current_level,target_level,roles\nNew,new@vaarst.example,,,,,,Engineer", Ct)),
        new(typeof(ExportDirectory), [Caller.Admin], (m, a) => m.S.UseCase<ExportDirectory>().HandleAsync(a, Ct)),
        new(typeof(GetPersonForEdit), [Caller.Admin], (m, a) => m.S.UseCase<GetPersonForEdit>().HandleAsync(a, m.S.Edge.PersonId!.Value, Ct)),
        new(typeof(UpdatePerson), [Caller.Admin], (m, a) => m.S.UseCase<UpdatePerson>().HandleAsync(a, new UpdatePersonRequest(null, 0, "New", $"new{Guid.NewGuid():N}@vaarst.example", null, null, null, null, null, Roles.Engineer), Ct)),
        new(typeof(UnlinkEntraAccount), [Caller.Admin], (m, a) => m.S.UseCase<UnlinkEntraAccount>().HandleAsync(a, new UnlinkEntraAccountRequest(m.S.Ml.PersonId!.Value, m.PersonVersion(m.S.Ml)), Ct)),
        new(typeof(GetAuditLog), [Caller.Admin], (m, a) => m.S.UseCase<GetAuditLog>().HandleAsync(a, new AuditLogFilter(), 0, 10, Ct)),
        new(typeof(ExportAuditLog), [Caller.Admin], (m, a) => m.S.UseCase<ExportAuditLog>().HandleAsync(a, new AuditLogFilter(), Ct)),
        new(typeof(CreateSession), [Caller.Admin], (m, a) => m.S.UseCase<CreateSession>().HandleAsync(a, new CreateSessionRequest("New", 4, m.Today, [m.S.Panel1.PersonId!.Value], m.S.Panel2.PersonId!.Value), Ct)),
        new(typeof(GetChecklist), Engineers, (m, a) => m.S.UseCase<GetChecklist>().HandleAsync(a, new GetChecklistRequest(), Ct)),
        new(typeof(GetEvidenceLibrary), Engineers, (m, a) => m.S.UseCase<GetEvidenceLibrary>().HandleAsync(a, true, Ct)),
        new(typeof(RateStatement), [Caller.Self], (m, a) => m.S.UseCase<RateStatement>().HandleAsync(a, new RateStatementRequest(m.EdgeOnlyStatementId, SelfRating.Learning, null, null), Ct)),
        new(typeof(SubmitItems), [Caller.Self], (m, a) => m.S.UseCase<SubmitItems>().HandleAsync(a, new SubmitItemsRequest([new ItemRef(m.ItemId, m.ItemVersion())]), Ct)),
        new(typeof(WithdrawSubmission), [Caller.Self], (m, a) => m.S.UseCase<WithdrawSubmission>().HandleAsync(a, new ItemRef(m.ItemId, m.ItemVersion()), Ct)),
        new(typeof(GetItem), NamedReaders, (m, a) => m.S.UseCase<GetItem>().HandleAsync(a, m.ItemId, Ct)),
        new(typeof(SignOffItem), Reviewers, (m, a) => m.S.UseCase<SignOffItem>().HandleAsync(a, new DecisionRequest(m.ItemId, m.ItemVersion(), null, m.S.Seen(m.ItemId)), Ct)),
        new(typeof(RequestChanges), Reviewers, (m, a) => m.S.UseCase<RequestChanges>().HandleAsync(a, new DecisionRequest(m.ItemId, m.ItemVersion(), "More please", m.S.Seen(m.ItemId)), Ct)),
        new(typeof(RevokeSignOff), Reviewers, (m, a) => m.S.UseCase<RevokeSignOff>().HandleAsync(a, new DecisionRequest(m.ItemId, m.ItemVersion(), "Wrong", m.S.Seen(m.ItemId)), Ct)),
        new(typeof(DecideItems), Reviewers, (m, a) => m.S.UseCase<DecideItems>().HandleAsync(a, new DecideItemsRequest(DecisionKind.SignOff, null, [new ItemAsSeen(m.ItemId, m.ItemVersion(), m.S.Seen(m.ItemId))]), Ct)),
        new(typeof(UndoDecision), Reviewers, (m, a) => m.S.UseCase<UndoDecision>().HandleAsync(a, new UndoDecisionRequest(m.ItemId, m.ItemVersion(), m.S.Seen(m.ItemId)), Ct)),
        new(typeof(ReconfirmItem), Reviewers, (m, a) => m.S.UseCase<ReconfirmItem>().HandleAsync(a, new DecisionRequest(m.ItemId, m.ItemVersion(), null, m.S.Seen(m.ItemId)), Ct)),
        new(typeof(AddLinkEvidence), [Caller.Self], (m, a) => m.S.UseCase<AddLinkEvidence>().HandleAsync(a, new AddLinkEvidenceRequest(Details, "https://example.com/x", [m.EdgeOnlyStatementId]), Ct)),
        new(typeof(AddNoteEvidence), [Caller.Self], (m, a) => m.S.UseCase<AddNoteEvidence>().HandleAsync(a, new AddNoteEvidenceRequest(Details, "A note", [m.EdgeOnlyStatementId]), Ct)),
        new(typeof(AddFileEvidence), [Caller.Self], (m, a) => m.S.UseCase<AddFileEvidence>().HandleAsync(a, new AddFileEvidenceRequest(Details, "n.txt", new MemoryStream("notes"u8.ToArray()), [m.EdgeOnlyStatementId]), Ct)),
        new(typeof(EditEvidence), [Caller.Self], (m, a) => m.S.UseCase<EditEvidence>().HandleAsync(a, new EditEvidenceRequest(m.EvidenceId, m.EvidenceVersion(), Details with { Title = "Edited" }, "https://example.com/y"), Ct)),
        new(typeof(ArchiveEvidence), [Caller.Self], (m, a) => m.S.UseCase<ArchiveEvidence>().HandleAsync(a, new EvidenceRef(m.FileEvidenceId, m.EvidenceVersion(m.FileEvidenceId)), Ct)),
        new(typeof(RestoreEvidence), [Caller.Self], (m, a) => m.S.UseCase<RestoreEvidence>().HandleAsync(a, new EvidenceRef(m.FileEvidenceId, m.EvidenceVersion(m.FileEvidenceId)), Ct)),
        new(typeof(AttachEvidence), [Caller.Self], (m, a) => m.S.UseCase<AttachEvidence>().HandleAsync(a, new AttachEvidenceRequest(m.FileEvidenceId, [m.EdgeOnlyStatementId]), Ct)),
        new(typeof(DetachEvidence), [Caller.Self], (m, a) => m.S.UseCase<DetachEvidence>().HandleAsync(a, new DetachEvidenceRequest(m.FileEvidenceId, m.FileItemId), Ct)),
        new(typeof(RequestCorroboration), [Caller.Self], (m, a) => m.S.UseCase<RequestCorroboration>().HandleAsync(a, new RequestCorroborationRequest(m.EvidenceId, [m.S.Panel3.PersonId!.Value], "Can you confirm?"), Ct)),
        new(typeof(GetCorroborationCandidates), [Caller.Self], (m, a) => m.S.UseCase<GetCorroborationCandidates>().HandleAsync(a, m.EvidenceId, Ct)),
        new(typeof(GetCorroborationRequest), [Caller.OtherEngineer], (m, a) => m.S.UseCase<GetCorroborationRequest>().HandleAsync(a, m.CorroborationId, Ct)),
        new(typeof(AnswerCorroboration), [Caller.OtherEngineer], (m, a) => m.S.UseCase<AnswerCorroboration>().HandleAsync(a, new AnswerCorroborationRequest(m.CorroborationId, m.CorroborationVersion(), CorroborationAnswer.Confirm), Ct)),
        new(typeof(GetMyCorroborationRequests), People, (m, a) => m.S.UseCase<GetMyCorroborationRequests>().HandleAsync(a, Ct)),
        new(typeof(GetGitHubImport), Engineers, (m, a) => m.S.UseCase<GetGitHubImport>().HandleAsync(a, Ct)),
        new(typeof(ConnectGitHub), Engineers, (m, a) => m.S.UseCase<ConnectGitHub>().HandleAsync(a, new ConnectGitHubRequest(FakeGitHub.Token), Ct)),
        new(typeof(DisconnectGitHub), Engineers, (m, a) => m.S.UseCase<DisconnectGitHub>().HandleAsync(a, Ct)),
        new(typeof(ListGitHubWork), Engineers, (m, a) => m.S.UseCase<ListGitHubWork>().HandleAsync(a, new ListGitHubWorkRequest(GitHubFrom, GitHubTo), Ct)),
        new(typeof(ImportGitHubWork), Engineers, (m, a) => m.S.UseCase<ImportGitHubWork>().HandleAsync(a, new ImportGitHubWorkRequest(GitHubFrom, GitHubTo,
            [new GitHubPick("github.com/vaarst-demo/edge#41", "Quantise the detector", null, [m.EdgeOnlyStatementId])]), Ct)),
        new(typeof(OpenEvidenceFile), NamedReaders, async (m, a) => (await m.S.UseCase<OpenEvidenceFile>().HandleAsync(a, m.FileEvidenceId, Ct)).Content.Dispose()),
        new(typeof(GetGap), NamedReaders, (m, a) => m.S.UseCase<GetGap>().HandleAsync(a, new GetGapRequest(m.S.Edge.PersonId), Ct)),
        new(typeof(ExportGap), NamedReaders, (m, a) => m.S.UseCase<ExportGap>().HandleAsync(a, new GetGapRequest(m.S.Edge.PersonId), Ct)),
        new(typeof(NominateCandidate), [Caller.Manager], (m, a) => m.S.UseCase<NominateCandidate>().HandleAsync(a, new NominateCandidateRequest(m.OpenSessionId, m.S.Edge.PersonId!.Value, "Ready"), Ct)),
        new(typeof(StartSession), [Caller.Panel], (m, a) => m.S.UseCase<StartSession>().HandleAsync(a, m.OpenSessionId, Ct)),
        new(typeof(RecordDecision), [Caller.Panel], (m, a) => m.S.UseCase<RecordDecision>().HandleAsync(a, new RecordDecisionRequest(m.NominationId, m.NominationVersion(), Outcome.Promote, "Strong"), Ct)),
        new(typeof(CloseSession), [Caller.Panel], (m, a) => m.S.UseCase<CloseSession>().HandleAsync(a, m.SessionId, Ct)),
        new(typeof(GetSession), EdasPanel, (m, a) => m.S.UseCase<GetSession>().HandleAsync(a, m.SessionId, Ct)),
        new(typeof(GetComparison), EdasPanel, (m, a) => m.S.UseCase<GetComparison>().HandleAsync(a, m.SessionId, Ct)),
        new(typeof(ExportComparison), EdasPanel, (m, a) => m.S.UseCase<ExportComparison>().HandleAsync(a, m.SessionId, Ct)),
        new(typeof(GetCandidateDossier), EdasPanel, (m, a) => m.S.UseCase<GetCandidateDossier>().HandleAsync(a, m.NominationId, Ct)),
        new(typeof(OpenCandidateEvidenceFile), EdasPanel, async (m, a) => (await m.S.UseCase<OpenCandidateEvidenceFile>().HandleAsync(a, new OpenCandidateEvidenceFileRequest(m.NominationId, m.FileEvidenceId), Ct)).Content.Dispose()),
        new(typeof(RevealIdentities), EdasPanel, (m, a) => m.S.UseCase<RevealIdentities>().HandleAsync(a, new RevealIdentitiesRequest(m.NominationId, "Conflict check"), Ct)),
        new(typeof(SubmitPreRead), [Caller.Panel, Caller.RevealedPanel], (m, a) => m.S.UseCase<SubmitPreRead>().HandleAsync(a, new SubmitPreReadRequest(m.NominationId, Outcome.Promote, null), Ct)),
        new(typeof(CreateCycle), [Caller.Admin], (m, a) => m.S.UseCase<CreateCycle>().HandleAsync(a, new CreateCycleRequest("2027 H1", m.Today, m.Today.AddDays(7), m.Today.AddDays(14)), Ct)),
        new(typeof(ListCycles), [Caller.Admin], (m, a) => m.S.UseCase<ListCycles>().HandleAsync(a, Ct)),
        new(typeof(AdvanceCycle), [Caller.Admin], async (m, a) => await m.S.UseCase<AdvanceCycle>().HandleAsync(a, new AdvanceCycleRequest(await m.CycleAsync(), CyclePhase.Upcoming), Ct)),
        new(typeof(ReleaseDueCycles), [Caller.Admin], (m, a) => m.S.UseCase<ReleaseDueCycles>().HandleAsync(a, Ct)),
        new(typeof(GetDevelopmentPlans), NamedReaders, (m, a) => m.S.UseCase<GetDevelopmentPlans>().HandleAsync(a, m.S.Edge.PersonId, Ct)),
        new(typeof(GetCurrentCycle), People, (m, a) => m.S.UseCase<GetCurrentCycle>().HandleAsync(a, Ct)),
        new(typeof(AcknowledgeOutcome), [Caller.Self], async (m, a) => await m.S.UseCase<AcknowledgeOutcome>().HandleAsync(a, await m.ReleasedOutcomeAsync(), Ct)),
        new(typeof(RequestReopen), [Caller.OtherPanel], async (m, a) => await m.S.UseCase<RequestReopen>().HandleAsync(a, new RequestReopenRequest(await m.ReleasedOutcomeAsync(), "New evidence"), Ct)),
        new(typeof(ApproveReopen), [Caller.Admin], async (m, a) => await m.S.UseCase<ApproveReopen>().HandleAsync(a, await m.ReopenAsync(), Ct)),
        new(typeof(ListReopenRequests), [Caller.Admin], (m, a) => m.S.UseCase<ListReopenRequests>().HandleAsync(a, Ct)),
        new(typeof(GetConsistencyAnalytics), [Caller.Admin, Caller.Panel, Caller.OtherPanel], (m, a) => m.S.UseCase<GetConsistencyAnalytics>().HandleAsync(a, Ct)),
    ];

    public static TheoryData<string> UseCases => new(Rows.Select(r => r.UseCase.Name));

    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Use_case_allows_exactly_the_expected_callers(string useCase)
    {
        var row = Rows.Single(r => r.UseCase.Name == useCase);
        await using var matrix = await Matrix.CreateAsync();
        var results = new List<string>();

        // Denied callers first, so state changes by allowed callers cannot mask a refusal.
        foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => row.Allowed.Contains(c)))
        {
            var denied = false;
            try
            {
                await row.Act(matrix, matrix.ActorFor(caller));
            }
            catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
            {
                denied = true;
            }
            catch (Exception ex) when (ex is ValidationException or ConflictException)
            {
            }

            if (denied == row.Allowed.Contains(caller))
            {
                results.Add($"{caller} was {(denied ? "denied" : "allowed")}");
            }
        }

        Assert.True(results.Count == 0, $"{useCase}: {string.Join("; ", results)}");
    }

    /// <summary>
    /// Authority is current on every action: each use case refuses every caller it allows once their session has ended
    /// (signed out: the stamp they bring is no longer the directory's) and once the directory deactivated them,
    /// whatever roles their sign-in claimed. A new use case that forgets to confirm its caller fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Use_case_refuses_its_callers_once_their_session_ended_or_they_were_deactivated(string useCase)
    {
        var row = Rows.Single(r => r.UseCase.Name == useCase);
        await using var matrix = await Matrix.CreateAsync();
        var results = new List<string>();

        async Task ExpectRefusal(Caller caller, Actor actor, string message, string situation)
        {
            try
            {
                await row.Act(matrix, actor);
                results.Add($"{caller} was allowed {situation}");
            }
            catch (ForbiddenException ex) when (ex.Message == message)
            {
            }
            catch (Exception ex)
            {
                results.Add($"{caller} {situation} got {ex.GetType().Name}: {ex.Message}");
            }
        }

        foreach (var caller in row.Allowed)
        {
            await ExpectRefusal(caller, matrix.ActorFor(caller) with { SecurityStamp = "signed-out" }, Authority.SessionEndedMessage, "after signing out");
        }

        await using (var db = matrix.S.Database.CreateDbContext())
        {
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.IsActive, false), Ct);
        }

        foreach (var caller in row.Allowed)
        {
            await ExpectRefusal(caller, matrix.ActorFor(caller), Authority.AccessEndedMessage, "once deactivated");
        }

        Assert.True(results.Count == 0, $"{useCase}: {string.Join("; ", results)}");
    }


    // Use cases that change nothing, by name: a new use case is either here or proven to write in one unit below.
    private static readonly string[] ReadOnly =
    [
        nameof(PreviewFrameworkImport), nameof(GetFrameworkVersions), nameof(GetFrameworkCatalogue), nameof(GetLevel), nameof(GetMyProfile),
        nameof(GetDarkMode), nameof(GetPreferences), nameof(GetNotificationPreferences), nameof(GetMyTeam), nameof(GetNotifications), nameof(GetReviewQueue), nameof(CountReviewQueue), nameof(GetNavigationSummary), nameof(GetHomeSummary), nameof(ListSessions),
        nameof(GetMyOutcomes), nameof(GetTeamHeatmap), nameof(ListDelegations), nameof(ListDirectory), nameof(PreviewDirectoryImport),
        nameof(ExportDirectory), nameof(GetPersonForEdit), nameof(GetAuditLog), nameof(ExportAuditLog), nameof(GetChecklist),
        nameof(GetEvidenceLibrary), nameof(GetItem), nameof(OpenEvidenceFile), nameof(GetGap), nameof(ExportGap), nameof(GetSession),
        nameof(GetComparison), nameof(ExportComparison), nameof(GetCandidateDossier), nameof(OpenCandidateEvidenceFile), nameof(GetConsistencyAnalytics),
        nameof(ListCycles), nameof(GetCurrentCycle), nameof(ListReopenRequests), nameof(GetDevelopmentPlans),
        nameof(GetCorroborationCandidates), nameof(GetCorroborationRequest), nameof(GetMyCorroborationRequests), nameof(GetGitHubImport), nameof(ListGitHubWork),
    ];

    // Personal state that is not part of anyone's record, so it carries no audit event.
    private static readonly string[] Unaudited = [nameof(SetDarkMode), nameof(SetTimeZone), nameof(SetNotificationPreferences), nameof(MarkNotificationsRead)];

    // The state in which a writing use case has something to do (the matrix's own state suits the others).
    private static readonly Dictionary<string, Func<Matrix, Task>> Arrange = new()
    {
        [nameof(ImportFramework)] = async m =>
        {
            await using var db = m.S.Database.CreateDbContext();
            await db.Statements.Where(st => st.Text.StartsWith("I can to write performance")).ExecuteUpdateAsync(u => u.SetProperty(st => st.Text, "An older wording"), Ct);
        },
        [nameof(RevokeSignOff)] = m => SignOffAsync(m),
        [nameof(UndoDecision)] = m => SignOffAsync(m),
        [nameof(ReconfirmItem)] = async m =>
        {
            await SignOffAsync(m);
            await m.S.UseCase<EditEvidence>().HandleAsync(m.S.Edge, new EditEvidenceRequest(m.EvidenceId, m.EvidenceVersion(), Details with { Title = "Reworded" }, "https://example.com/r"), Ct);
        },
        [nameof(SubmitItems)] = m => WithdrawAsync(m),
        [nameof(DisconnectGitHub)] = m => m.S.UseCase<ConnectGitHub>().HandleAsync(m.S.Edge, new ConnectGitHubRequest(FakeGitHub.Token), Ct),
        [nameof(ImportGitHubWork)] = m => m.S.UseCase<ConnectGitHub>().HandleAsync(m.S.Edge, new ConnectGitHubRequest(FakeGitHub.Token), Ct),
        [nameof(EditEvidence)] = m => WithdrawAsync(m),
        [nameof(RestoreEvidence)] = m => m.S.UseCase<ArchiveEvidence>().HandleAsync(m.S.Edge, new EvidenceRef(m.FileEvidenceId, m.EvidenceVersion(m.FileEvidenceId)), Ct),
        [nameof(StartSession)] = m => m.S.UseCase<NominateCandidate>().HandleAsync(m.S.Manager, new NominateCandidateRequest(m.OpenSessionId, m.S.Edge.PersonId!.Value, "Ready"), Ct),
        [nameof(ReleaseDueCycles)] = m => m.S.UseCase<CreateCycle>().HandleAsync(m.S.Admin, new CreateCycleRequest("Due", m.Today.AddDays(-20), m.Today.AddDays(-10), m.Today), Ct),
        [nameof(AcknowledgeOutcome)] = m => m.ReleasedOutcomeAsync(),
        [nameof(AdvanceCycle)] = m => m.CycleAsync(),
        [nameof(RequestReopen)] = m => m.ReleasedOutcomeAsync(),
        [nameof(ApproveReopen)] = m => m.ReopenAsync(),
        [nameof(CloseSession)] = m => m.S.UseCase<RecordDecision>().HandleAsync(m.S.Panel1, new RecordDecisionRequest(m.NominationId, m.NominationVersion(), Outcome.Promote, "Strong"), Ct),
    };

    /// <summary>
    /// Every state change commits with its audit event in one unit of work (one SaveChanges, or one transaction): a crash
    /// between two saves cannot leave an unaudited change. Notifications, sent after the change, are their own unit.
    /// </summary>
    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Use_case_commits_its_change_and_audit_event_in_one_unit_of_work(string useCase)
    {
        var row = Rows.Single(r => r.UseCase.Name == useCase);
        if (useCase == nameof(SeedDemoOrganisation))
        {
            // It loads only into an empty directory, which the matrix's organisation is not.
            await SeedDemoOrganisation_commits_in_one_unit_of_work_with_its_audit_event();
            return;
        }

        await using var matrix = await Matrix.CreateAsync();
        if (Arrange.TryGetValue(useCase, out var arrange))
        {
            await arrange(matrix);
        }

        var problems = new List<string>();
        var wrote = false;
        foreach (var caller in row.Allowed)
        {
            matrix.S.Database.Writes.Reset();
            var refused = false;
            try
            {
                await row.Act(matrix, matrix.ActorFor(caller));
            }
            catch (UseCaseException)
            {
                refused = true;
            }

            var all = matrix.S.Database.Writes.Units.Select(u => u.Order().ToList()).ToList();
            // Notifications and their outbox rows commit with the change (INotificationSender.AddAsync, ADR 0013): no
            // unit of their own.
            var units = all;
            var described = string.Join(" | ", all.Select(u => string.Join(",", u)));
            if (units.Count > 1)
            {
                problems.Add($"{caller}: {units.Count} units of work ({described})");
            }

            if (all.Count > 0 && (refused || ReadOnly.Contains(useCase)))
            {
                problems.Add($"{caller}: {(refused ? "refused" : "listed as read-only")} but wrote {described}");
            }

            if (units.Count == 1 && !Unaudited.Contains(useCase) && !units[0].Contains("AuditEvents"))
            {
                problems.Add($"{caller}: wrote {described} without an audit event");
            }

            wrote |= all.Count > 0;
        }

        if (!ReadOnly.Contains(useCase) && !wrote)
        {
            problems.Add("wrote nothing for any allowed caller: arrange a state in which it changes something, or list it as read-only");
        }

        Assert.True(problems.Count == 0, $"{useCase}: {string.Join("; ", problems)}");
    }

    private static async Task SeedDemoOrganisation_commits_in_one_unit_of_work_with_its_audit_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var files = new TempFolderStore();
        await UseCaseOn<ImportFramework>(database, files.Store).HandleAsync(Actor.System,
            new ImportFrameworkRequest(FrameworkPageParser.ParsePath(RepositoryRoot.Combine("seed-content", "careerframework")).Pages, "seed"), Ct);
        database.Writes.Reset();

        Assert.True(await UseCaseOn<SeedDemoOrganisation>(database, files.Store).HandleAsync(new Actor(null, "Setup", Roles.Administrator),
            RepositoryRoot.Combine("seed-content", "demo", "organisation.yaml"), Ct));

        var unit = Assert.Single(database.Writes.Units, u => u.Any(t => t != "Notifications"));
        Assert.Contains("People", unit);
        Assert.Contains("AuditEvents", unit);
    }

    private sealed class TempFolderStore : IAsyncDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", "files-" + Guid.NewGuid().ToString("N"));

        public TempFolderStore() => Store = new FileSystemEvidenceFileStore(_folder);

        public FileSystemEvidenceFileStore Store { get; }

        public ValueTask DisposeAsync()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }

    private static Task WithdrawAsync(Matrix m) => m.S.UseCase<WithdrawSubmission>().HandleAsync(m.S.Edge, new ItemRef(m.ItemId, m.ItemVersion()), Ct);

    private static async Task SignOffAsync(Matrix m) =>
        await m.S.UseCase<SignOffItem>().HandleAsync(m.S.Manager, new DecisionRequest(m.ItemId, m.ItemVersion(), null, m.S.Seen(m.ItemId)), Ct);

    [Fact]
    public void Every_use_case_has_a_row()
    {
        var useCases = typeof(ImportFramework).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("HandleAsync") is not null)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(useCases, Rows.Select(r => r.UseCase.Name).Order());
    }

    /// <summary>The organisation every row runs against: Eda's submitted item with evidence and a file, a delegate, sessions.</summary>
    private sealed class Matrix : IAsyncDisposable
    {
        public required Scenario S { get; init; }
        public required Actor Delegate { get; init; }
        public required Actor RecusedPanel { get; init; }
        public required Actor FormerAdmin { get; init; }
        public int LevelId { get; private set; }
        public int EdgeOnlyStatementId { get; private set; }
        public int ItemId { get; private set; }
        public int FileItemId { get; private set; }
        public int EvidenceId { get; private set; }
        public int FileEvidenceId { get; private set; }
        public int DelegationId { get; private set; }
        public int SessionId { get; private set; }
        public int OpenSessionId { get; private set; }
        public int NominationId { get; private set; }
        public int CorroborationId { get; private set; }
        public DateOnly Today => DateOnly.FromDateTime(S.Database.Clock.GetUtcNow().UtcDateTime);

        /// <summary>
        /// The matrix's state is the same for every row: on SQLite it is arranged once per test run and each row starts
        /// from a copy of it (<see cref="Scenario.CreateAsync{T}"/>).
        /// </summary>
        public static async Task<Matrix> CreateAsync()
        {
            var (s, arranged) = await Scenario.CreateAsync("authorization-matrix", ArrangeAsync);
            return arranged.On(s);
        }

        /// <summary>The same matrix (its ids) on another scenario: a copy of the one it was arranged on.</summary>
        private Matrix On(Scenario s) => new()
        {
            S = s, Delegate = Delegate, RecusedPanel = RecusedPanel, FormerAdmin = FormerAdmin, LevelId = LevelId,
            EdgeOnlyStatementId = EdgeOnlyStatementId, ItemId = ItemId, FileItemId = FileItemId, EvidenceId = EvidenceId,
            FileEvidenceId = FileEvidenceId, DelegationId = DelegationId, SessionId = SessionId, OpenSessionId = OpenSessionId,
            NominationId = NominationId, CorroborationId = CorroborationId,
        };

        private static async Task<Matrix> ArrangeAsync(Scenario s)
        {
            int delegateId, recusedId, formerAdminId;
            await using (var db = s.Database.CreateDbContext())
            {
                var person = new Person { Name = "Dee Delegate", Email = "dee@vaarst.example", Roles = Roles.Manager };
                var recused = new Person { Name = "Lee Lead", Email = "lee@vaarst.example", Roles = Roles.Manager | Roles.CalibrationPanel };
                var former = new Person { Name = "Fay Former", Email = "fay@vaarst.example", Roles = Roles.Engineer };
                db.People.AddRange(person, recused, former);
                // Max has signed in with Entra ID: an administrator may unlink that account.
                (await db.People.SingleAsync(p => p.Id == s.Ml.PersonId, Ct)).EntraObjectId = "matrix-entra-object-id";
                await db.SaveChangesAsync(Ct);
                (delegateId, recusedId, formerAdminId) = (person.Id, recused.Id, former.Id);
            }

            var m = new Matrix
            {
                S = s, Delegate = new Actor(delegateId, "Dee Delegate", Roles.Manager),
                RecusedPanel = new Actor(recusedId, "Lee Lead", Roles.Manager | Roles.CalibrationPanel),
                FormerAdmin = new Actor(formerAdminId, "Fay Former", Roles.Administrator | Roles.Manager | Roles.CalibrationPanel | Roles.Engineer),
            };
            m.DelegationId = await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(s.Manager.PersonId!.Value, delegateId, m.Today, m.Today.AddDays(7)), Ct);
            await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(s.Manager.PersonId!.Value, recusedId, m.Today, m.Today.AddDays(7)), Ct);
            await using (var db = s.Database.CreateDbContext())
            {
                m.LevelId = await db.Levels.Select(l => l.Id).SingleAsync(Ct);
            }

            m.EdgeOnlyStatementId = await s.StatementAsync("I am familiar with media and streaming libraries");
            (m.ItemId, m.EvidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance/benchmarking code"));
            await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(m.ItemId, m.ItemVersion())]), Ct);
            var cuda = await s.StatementAsync("I can use the relevant Parallel Computing");
            m.FileEvidenceId = await s.UseCase<AddFileEvidence>().HandleAsync(s.Edge, new AddFileEvidenceRequest(Details, "results.csv", new MemoryStream("a,b\n1,2\n"u8.ToArray()), [cuda]), Ct);
            await using (var db = s.Database.CreateDbContext())
            {
                m.FileItemId = await db.ChecklistItems.Where(i => i.PersonId == s.Edge.PersonId && i.StatementId == cuda).Select(i => i.Id).SingleAsync(Ct);
            }

            m.SessionId = await s.UseCase<CreateSession>().HandleAsync(s.Admin, new CreateSessionRequest("Panel", 4, m.Today, [s.Panel2.PersonId!.Value, recusedId], s.Panel1.PersonId!.Value), Ct);
            m.NominationId = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(m.SessionId, s.Edge.PersonId!.Value, "Ready"), Ct);
            await s.UseCase<StartSession>().HandleAsync(s.Panel1, m.SessionId, Ct);
            await s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(m.NominationId, "I may know this candidate"), Ct);
            var other = await s.UseCase<CreateSession>().HandleAsync(s.Admin, new CreateSessionRequest("Other panel", 4, m.Today, [s.Panel2.PersonId!.Value], s.Panel3.PersonId!.Value), Ct);
            await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(other, s.Ml.PersonId!.Value, "Also ready"), Ct);
            // Eda asks Max (another engineer) to corroborate her pull request.
            m.CorroborationId = (await s.UseCase<RequestCorroboration>().HandleAsync(s.Edge, new RequestCorroborationRequest(m.EvidenceId, [s.Ml.PersonId!.Value]), Ct)).Single();
            m.OpenSessionId = await s.UseCase<CreateSession>().HandleAsync(s.Admin, new CreateSessionRequest("Open", 4, m.Today, [s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
            return m;
        }

        public Actor ActorFor(Caller caller) => caller switch
        {
            Caller.Self => S.Edge,
            Caller.Manager => S.Manager,
            Caller.OtherManager => S.OtherManager,
            Caller.Delegate => Delegate,
            Caller.OtherEngineer => S.Ml,
            Caller.Panel => S.Panel1,
            Caller.OtherPanel => S.Panel3,
            Caller.Admin => S.Admin,
            Caller.RevealedPanel => S.Panel2,
            Caller.RecusedPanel => RecusedPanel,
            Caller.FormerAdmin => FormerAdmin,
            _ => new Actor(null, "Anonymous", Roles.None),
        };

        public int ItemVersion() => S.ItemAsync(ItemId).GetAwaiter().GetResult().Version;

        public int PersonVersion(Actor person)
        {
            using var db = S.Database.CreateDbContext();
            return db.People.Where(p => p.Id == person.PersonId).Select(p => p.Version).Single();
        }

        public int EvidenceVersion(int? evidenceId = null)
        {
            using var db = S.Database.CreateDbContext();
            return db.Evidence.Where(e => e.Id == (evidenceId ?? EvidenceId)).Select(e => e.Version).Single();
        }

        private int? _cycleId;
        private int? _releasedOutcomeId;

        /// <summary>A promotion cycle that opens tomorrow (made on first use, so sessions of the matrix need none).</summary>
        public async Task<int> CycleAsync() =>
            _cycleId ??= await S.UseCase<CreateCycle>().HandleAsync(S.Admin, new CreateCycleRequest("Matrix cycle", Today.AddDays(1), Today.AddDays(7), Today.AddDays(14)), Ct);

        /// <summary>Eda's decided outcome of a closed session from before cycles (so released on close), made on first use.</summary>
        public async Task<int> ReleasedOutcomeAsync()
        {
            if (_releasedOutcomeId is { } id)
            {
                return id;
            }

            var session = await S.UseCase<CreateSession>().HandleAsync(S.Admin, new CreateSessionRequest("Released", 4, Today, [S.Panel1.PersonId!.Value], S.Panel3.PersonId!.Value), Ct);
            var nomination = await S.UseCase<NominateCandidate>().HandleAsync(S.Manager, new NominateCandidateRequest(session, S.Edge.PersonId!.Value, "Ready"), Ct);
            await S.UseCase<StartSession>().HandleAsync(S.Panel3, session, Ct);
            await using (var db = S.Database.CreateDbContext())
            {
                var version = await db.Nominations.Where(n => n.Id == nomination).Select(n => n.Version).SingleAsync(Ct);
                await S.UseCase<RecordDecision>().HandleAsync(S.Panel3, new RecordDecisionRequest(nomination, version, Outcome.Promote, "Strong"), Ct);
            }

            await S.UseCase<CloseSession>().HandleAsync(S.Panel3, session, Ct);
            return (_releasedOutcomeId = nomination).Value;
        }

        private int? _reopenId;

        /// <summary>The chair of <see cref="ReleasedOutcomeAsync"/>'s session (Rae, on another panel) asked to reopen it.</summary>
        public async Task<int> ReopenAsync() =>
            _reopenId ??= await S.UseCase<RequestReopen>().HandleAsync(S.Panel3, new RequestReopenRequest(await ReleasedOutcomeAsync(), "New evidence"), Ct);

        public int CorroborationVersion()
        {
            using var db = S.Database.CreateDbContext();
            return db.Corroborations.Where(c => c.Id == CorroborationId).Select(c => c.Version).Single();
        }

        public int NominationVersion()
        {
            using var db = S.Database.CreateDbContext();
            return db.Nominations.Where(n => n.Id == NominationId).Select(n => n.Version).Single();
        }

        public ValueTask DisposeAsync() => S.DisposeAsync();
    }
}
