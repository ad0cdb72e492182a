using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Demo;
using Vaarst.Growth.Core.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.Data;

/// <summary>
/// Every SQL statement the app can send to SQL Server parses as T-SQL (ScriptDom, SQL Server 2022), with no server:
/// the idempotent migration script, what each use case sends through a SQL Server-configured context
/// (<see cref="CapturedSqlServer"/>), and the import's hand-written statements.
/// </summary>
public sealed class SqlServerStatementTests
{
    private static readonly string Seed = File.ReadAllText(RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md"));
    private static readonly EvidenceDetails Details = new("Evidence", new DateOnly(2026, 10, 1), null);
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Someone holding every role, so each use case goes as far as empty results let it.</summary>
    private static readonly Actor Everyone = new(1, "Ada Everyone", Roles.Engineer | Roles.Manager | Roles.CalibrationPanel | Roles.Administrator);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(Type UseCase, Func<UseCases, Actor, Task> Act);

    private static readonly Row[] Rows =
    [
        new(typeof(ImportFramework), (u, a) => u.UseCase<ImportFramework>().HandleAsync(a, new ImportFrameworkRequest(FrameworkPageParser.Parse("level4.md", Seed).Pages, "test"), Ct)),
        new(typeof(PreviewFrameworkImport), (u, a) => u.UseCase<PreviewFrameworkImport>().HandleAsync(a, [new FrameworkUpload("level4.md", Seed)], Ct)),
        new(typeof(GetFrameworkVersions), (u, a) => u.UseCase<GetFrameworkVersions>().HandleAsync(a, Ct)),
        new(typeof(SeedDemoOrganisation), (u, a) => u.UseCase<SeedDemoOrganisation>().HandleAsync(a, RepositoryRoot.Combine("seed-content", "demo", "organisation.yaml"), Ct)),
        new(typeof(GetFrameworkCatalogue), (u, a) => u.UseCase<GetFrameworkCatalogue>().HandleAsync(a, Ct)),
        new(typeof(GetLevel), (u, a) => u.UseCase<GetLevel>().HandleAsync(a, 1, Ct)),
        new(typeof(GetMyProfile), (u, a) => u.UseCase<GetMyProfile>().HandleAsync(a, Ct)),
        new(typeof(GetDarkMode), (u, a) => u.UseCase<GetDarkMode>().HandleAsync(a, Ct)),
        new(typeof(SetDarkMode), (u, a) => u.UseCase<SetDarkMode>().HandleAsync(a, true, Ct)),
        new(typeof(GetPreferences), (u, a) => u.UseCase<GetPreferences>().HandleAsync(a, Ct)),
        new(typeof(SetTimeZone), (u, a) => u.UseCase<SetTimeZone>().HandleAsync(a, "Europe/London", false, Ct)),
        new(typeof(GetNotificationPreferences), (u, a) => u.UseCase<GetNotificationPreferences>().HandleAsync(a, Ct)),
        new(typeof(SetNotificationPreferences), (u, a) => u.UseCase<SetNotificationPreferences>().HandleAsync(a,
            new Dictionary<string, NotificationDelivery> { [NotificationKinds.ItemSignedOff] = NotificationDelivery.DailyDigest }, Ct)),
        new(typeof(GetMyTeam), (u, a) => u.UseCase<GetMyTeam>().HandleAsync(a, Ct)),
        new(typeof(GetNavigationSummary), (u, a) => u.UseCase<GetNavigationSummary>().HandleAsync(a, Ct)),
        new(typeof(GetNotifications), (u, a) => u.UseCase<GetNotifications>().HandleAsync(a, 20, Ct)),
        new(typeof(MarkNotificationsRead), (u, a) => u.UseCase<MarkNotificationsRead>().HandleAsync(a, new MarkNotificationsReadRequest(null), Ct)),
        new(typeof(GetReviewQueue), (u, a) => u.UseCase<GetReviewQueue>().HandleAsync(a, new GetReviewQueueRequest(), Ct)),
        new(typeof(CountReviewQueue), (u, a) => u.UseCase<CountReviewQueue>().HandleAsync(a, Ct)),
        new(typeof(GetHomeSummary), (u, a) => u.UseCase<GetHomeSummary>().HandleAsync(a, Ct)),
        new(typeof(ListSessions), (u, a) => u.UseCase<ListSessions>().HandleAsync(a, Ct)),
        new(typeof(GetMyOutcomes), (u, a) => u.UseCase<GetMyOutcomes>().HandleAsync(a, Ct)),
        new(typeof(GetTeamHeatmap), (u, a) => u.UseCase<GetTeamHeatmap>().HandleAsync(a, null, Ct)),
        new(typeof(AssignDelegate), (u, a) => u.UseCase<AssignDelegate>().HandleAsync(a, new AssignDelegateRequest(2, 2, Today, Today.AddDays(1)), Ct)),
        new(typeof(EndDelegation), (u, a) => u.UseCase<EndDelegation>().HandleAsync(a, 1, Ct)),
        new(typeof(ListDelegations), (u, a) => u.UseCase<ListDelegations>().HandleAsync(a, Ct)),
        new(typeof(ListDirectory), (u, a) => u.UseCase<ListDirectory>().HandleAsync(a, Ct)),
        new(typeof(PreviewDirectoryImport), (u, a) => u.UseCase<PreviewDirectoryImport>().HandleAsync(a, "name,email,manager_email,craft,specialism,current_level,target_level,roles\nNew,new@vaarst.example,,,,,,Engineer", Ct)),
        new(typeof(ApplyDirectoryImport), (u, a) => u.UseCase<ApplyDirectoryImport>().HandleAsync(a, "name,email,manager_email,craft,specialism,current_level,target_level,roles\nNew,new@vaarst.example,,,,,,Engineer", Ct)),
        new(typeof(ExportDirectory), (u, a) => u.UseCase<ExportDirectory>().HandleAsync(a, Ct)),
        new(typeof(GetPersonForEdit), (u, a) => u.UseCase<GetPersonForEdit>().HandleAsync(a, 2, Ct)),
        new(typeof(UpdatePerson), (u, a) => u.UseCase<UpdatePerson>().HandleAsync(a, new UpdatePersonRequest(null, 0, "New", $"new{Guid.NewGuid():N}@vaarst.example", null, null, null, null, null, Roles.Engineer), Ct)),
        new(typeof(UnlinkEntraAccount), (u, a) => u.UseCase<UnlinkEntraAccount>().HandleAsync(a, new UnlinkEntraAccountRequest(2, 0), Ct)),
        new(typeof(GetAuditLog), (u, a) => u.UseCase<GetAuditLog>().HandleAsync(a, new AuditLogFilter(), 0, 10, Ct)),
        new(typeof(ExportAuditLog), (u, a) => u.UseCase<ExportAuditLog>().HandleAsync(a, new AuditLogFilter(), Ct)),
        new(typeof(CreateSession), (u, a) => u.UseCase<CreateSession>().HandleAsync(a, new CreateSessionRequest("New", 4, Today, [2], 2), Ct)),
        new(typeof(GetChecklist), (u, a) => u.UseCase<GetChecklist>().HandleAsync(a, new GetChecklistRequest(), Ct)),
        new(typeof(GetEvidenceLibrary), (u, a) => u.UseCase<GetEvidenceLibrary>().HandleAsync(a, true, Ct)),
        new(typeof(RateStatement), (u, a) => u.UseCase<RateStatement>().HandleAsync(a, new RateStatementRequest(1, SelfRating.Learning, null, null), Ct)),
        new(typeof(SubmitItems), (u, a) => u.UseCase<SubmitItems>().HandleAsync(a, new SubmitItemsRequest([new ItemRef(1, 1)]), Ct)),
        new(typeof(WithdrawSubmission), (u, a) => u.UseCase<WithdrawSubmission>().HandleAsync(a, new ItemRef(1, 1), Ct)),
        new(typeof(GetItem), (u, a) => u.UseCase<GetItem>().HandleAsync(a, 1, Ct)),
        new(typeof(SignOffItem), (u, a) => u.UseCase<SignOffItem>().HandleAsync(a, new DecisionRequest(1, 1, null, "fingerprint"), Ct)),
        new(typeof(RequestChanges), (u, a) => u.UseCase<RequestChanges>().HandleAsync(a, new DecisionRequest(1, 1, "More please", "fingerprint"), Ct)),
        new(typeof(RevokeSignOff), (u, a) => u.UseCase<RevokeSignOff>().HandleAsync(a, new DecisionRequest(1, 1, "Wrong", "fingerprint"), Ct)),
        new(typeof(DecideItems), (u, a) => u.UseCase<DecideItems>().HandleAsync(a, new DecideItemsRequest(DecisionKind.SignOff, null, [new ItemAsSeen(1, 1, "fingerprint")]), Ct)),
        new(typeof(UndoDecision), (u, a) => u.UseCase<UndoDecision>().HandleAsync(a, new UndoDecisionRequest(1, 1, "fingerprint"), Ct)),
        new(typeof(ReconfirmItem), (u, a) => u.UseCase<ReconfirmItem>().HandleAsync(a, new DecisionRequest(1, 1, null, "fingerprint"), Ct)),
        new(typeof(AddLinkEvidence), (u, a) => u.UseCase<AddLinkEvidence>().HandleAsync(a, new AddLinkEvidenceRequest(Details, "https://example.com/x", [1]), Ct)),
        new(typeof(AddNoteEvidence), (u, a) => u.UseCase<AddNoteEvidence>().HandleAsync(a, new AddNoteEvidenceRequest(Details, "A note", [1]), Ct)),
        new(typeof(AddFileEvidence), (u, a) => u.UseCase<AddFileEvidence>().HandleAsync(a, new AddFileEvidenceRequest(Details, "n.txt", new MemoryStream("notes"u8.ToArray()), [1]), Ct)),
        new(typeof(EditEvidence), (u, a) => u.UseCase<EditEvidence>().HandleAsync(a, new EditEvidenceRequest(1, 1, Details with { Title = "Edited" }, "https://example.com/y"), Ct)),
        new(typeof(ArchiveEvidence), (u, a) => u.UseCase<ArchiveEvidence>().HandleAsync(a, new EvidenceRef(1, 1), Ct)),
        new(typeof(RestoreEvidence), (u, a) => u.UseCase<RestoreEvidence>().HandleAsync(a, new EvidenceRef(1, 1), Ct)),
        new(typeof(AttachEvidence), (u, a) => u.UseCase<AttachEvidence>().HandleAsync(a, new AttachEvidenceRequest(1, [1]), Ct)),
        new(typeof(DetachEvidence), (u, a) => u.UseCase<DetachEvidence>().HandleAsync(a, new DetachEvidenceRequest(1, 1), Ct)),
        new(typeof(RequestCorroboration), (u, a) => u.UseCase<RequestCorroboration>().HandleAsync(a, new RequestCorroborationRequest(1, [3], "Can you confirm?"), Ct)),
        new(typeof(GetCorroborationCandidates), (u, a) => u.UseCase<GetCorroborationCandidates>().HandleAsync(a, 1, Ct)),
        new(typeof(GetCorroborationRequest), (u, a) => u.UseCase<GetCorroborationRequest>().HandleAsync(a, 1, Ct)),
        new(typeof(AnswerCorroboration), (u, a) => u.UseCase<AnswerCorroboration>().HandleAsync(a, new AnswerCorroborationRequest(1, 0, CorroborationAnswer.Confirm), Ct)),
        new(typeof(GetMyCorroborationRequests), (u, a) => u.UseCase<GetMyCorroborationRequests>().HandleAsync(a, Ct)),
        new(typeof(GetGitHubImport), (u, a) => u.UseCase<GetGitHubImport>().HandleAsync(a, Ct)),
        new(typeof(ConnectGitHub), (u, a) => u.UseCase<ConnectGitHub>().HandleAsync(a, new ConnectGitHubRequest(FakeGitHub.Token), Ct)),
        new(typeof(DisconnectGitHub), (u, a) => u.UseCase<DisconnectGitHub>().HandleAsync(a, Ct)),
        new(typeof(ListGitHubWork), (u, a) => u.UseCase<ListGitHubWork>().HandleAsync(a, new ListGitHubWorkRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), Ct)),
        new(typeof(ImportGitHubWork), (u, a) => u.UseCase<ImportGitHubWork>().HandleAsync(a, new ImportGitHubWorkRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), [new GitHubPick("x", "X", null, [1])]), Ct)),
        new(typeof(OpenEvidenceFile), async (u, a) => (await u.UseCase<OpenEvidenceFile>().HandleAsync(a, 1, Ct)).Content.Dispose()),
        new(typeof(GetGap), (u, a) => u.UseCase<GetGap>().HandleAsync(a, new GetGapRequest(2), Ct)),
        new(typeof(ExportGap), (u, a) => u.UseCase<ExportGap>().HandleAsync(a, new GetGapRequest(2), Ct)),
        new(typeof(NominateCandidate), (u, a) => u.UseCase<NominateCandidate>().HandleAsync(a, new NominateCandidateRequest(1, 2, "Ready"), Ct)),
        new(typeof(StartSession), (u, a) => u.UseCase<StartSession>().HandleAsync(a, 1, Ct)),
        new(typeof(RecordDecision), (u, a) => u.UseCase<RecordDecision>().HandleAsync(a, new RecordDecisionRequest(1, 1, Outcome.Promote, "Strong"), Ct)),
        new(typeof(CloseSession), (u, a) => u.UseCase<CloseSession>().HandleAsync(a, 1, Ct)),
        new(typeof(GetSession), (u, a) => u.UseCase<GetSession>().HandleAsync(a, 1, Ct)),
        new(typeof(GetComparison), (u, a) => u.UseCase<GetComparison>().HandleAsync(a, 1, Ct)),
        new(typeof(ExportComparison), (u, a) => u.UseCase<ExportComparison>().HandleAsync(a, 1, Ct)),
        new(typeof(GetCandidateDossier), (u, a) => u.UseCase<GetCandidateDossier>().HandleAsync(a, 1, Ct)),
        new(typeof(OpenCandidateEvidenceFile), async (u, a) => (await u.UseCase<OpenCandidateEvidenceFile>().HandleAsync(a, new OpenCandidateEvidenceFileRequest(1, 1), Ct)).Content.Dispose()),
        new(typeof(RevealIdentities), (u, a) => u.UseCase<RevealIdentities>().HandleAsync(a, new RevealIdentitiesRequest(1, "Conflict check"), Ct)),
        new(typeof(SubmitPreRead), (u, a) => u.UseCase<SubmitPreRead>().HandleAsync(a, new SubmitPreReadRequest(1, Outcome.Promote, null), Ct)),
        new(typeof(CreateCycle), (u, a) => u.UseCase<CreateCycle>().HandleAsync(a, new CreateCycleRequest("2027 H1", Today, Today.AddDays(7), Today.AddDays(14)), Ct)),
        new(typeof(ListCycles), (u, a) => u.UseCase<ListCycles>().HandleAsync(a, Ct)),
        new(typeof(AdvanceCycle), (u, a) => u.UseCase<AdvanceCycle>().HandleAsync(a, new AdvanceCycleRequest(1, CyclePhase.Upcoming), Ct)),
        new(typeof(ReleaseDueCycles), (u, a) => u.UseCase<ReleaseDueCycles>().HandleAsync(a, Ct)),
        new(typeof(GetDevelopmentPlans), (u, a) => u.UseCase<GetDevelopmentPlans>().HandleAsync(a, null, Ct)),
        new(typeof(GetCurrentCycle), (u, a) => u.UseCase<GetCurrentCycle>().HandleAsync(a, Ct)),
        new(typeof(RequestReopen), (u, a) => u.UseCase<RequestReopen>().HandleAsync(a, new RequestReopenRequest(1, "New evidence"), Ct)),
        new(typeof(ApproveReopen), (u, a) => u.UseCase<ApproveReopen>().HandleAsync(a, 1, Ct)),
        new(typeof(ListReopenRequests), (u, a) => u.UseCase<ListReopenRequests>().HandleAsync(a, Ct)),
        new(typeof(AcknowledgeOutcome), (u, a) => u.UseCase<AcknowledgeOutcome>().HandleAsync(a, 1, Ct)),
        new(typeof(GetConsistencyAnalytics), (u, a) => u.UseCase<GetConsistencyAnalytics>().HandleAsync(a, Ct)),
    ];

    public static TheoryData<string> UseCaseNames => new(Rows.Select(r => r.UseCase.Name));

    [Fact]
    public void A_statement_SQL_Server_refuses_fails_the_check()
    {
        // SQLite accepts both; T-SQL has neither LIMIT nor RETURNING. The check must catch exactly this kind of slip.
        Assert.NotEmpty(CapturedSqlServer.ParseErrors("SELECT [Id] FROM [People] LIMIT 1"));
        Assert.NotEmpty(CapturedSqlServer.ParseErrors("INSERT INTO [People] ([Name]) VALUES (@p0) RETURNING [Id]"));
        Assert.Empty(CapturedSqlServer.ParseErrors("SELECT TOP(1) [Id] FROM [People] ORDER BY [Id]"));
    }

    [Fact]
    public void Idempotent_migration_script_parses_as_T_SQL()
    {
        var server = new CapturedSqlServer();
        using var db = server.CreateDbContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("READ_COMMITTED_SNAPSHOT ON", script);
        Assert.Contains("IX_AuditEvents_SubjectType_SubjectId", script);
        var errors = CapturedSqlServer.ParseErrors(script);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(UseCaseNames))]
    public async Task Use_case_sends_SQL_Server_only_statements_that_parse(string useCase)
    {
        var row = Rows.Single(r => r.UseCase.Name == useCase);
        var server = new CapturedSqlServer();
        var files = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", "files-" + Guid.NewGuid().ToString("N"));
        try
        {
            try
            {
                await row.Act(new UseCases(server, new FileSystemEvidenceFileStore(files)), Everyone);
            }
            catch (Exception ex) when (IsEmptyResultOutcome(ex))
            {
                // Empty results make most use cases stop at "not found" or fail to read back a saved key;
                // what they sent up to there is what is checked.
            }
        }
        finally
        {
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }

        // More than the caller's confirmation: the use case's own statements were sent and are checked.
        Assert.True(server.Statements.Count >= 2, $"{useCase} sent only {server.Statements.Count} statement(s): it stopped before its own SQL.");
        var problems = server.Statements
            .Select(sql => (sql, errors: CapturedSqlServer.ParseErrors(sql)))
            .Where(s => s.errors.Count > 0)
            .Select(s => $"{string.Join("; ", s.errors)}{Environment.NewLine}{s.sql}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
    }

    [Fact]
    public void Every_use_case_has_a_row()
    {
        var useCases = typeof(ImportFramework).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("HandleAsync") is not null)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(useCases, Rows.Select(r => r.UseCase.Name).Order());
    }

    [Fact]
    public async Task Import_on_SQL_Server_writes_statements_and_revisions_through_EF_batches()
    {
        var server = new CapturedSqlServer();
        var pages = FrameworkPageParser.ParsePath(RepositoryRoot.Combine("seed-content", "careerframework")).Pages;

        var result = await new UseCases(server, new FileSystemEvidenceFileStore(Path.GetTempPath())).UseCase<ImportFramework>()
            .HandleAsync(Actor.System, new ImportFrameworkRequest(pages, "seed"), Ct);

        Assert.True(result.Changed);
        // EF's batched MERGE … OUTPUT, not the SQLite-only hand-written multi-row INSERT.
        Assert.Contains(server.Statements, sql => sql.Contains("MERGE [Statements]", StringComparison.Ordinal));
        Assert.Contains(server.Statements, sql => sql.Contains("MERGE [StatementRevisions]", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Statements, sql => sql.Contains("SELECT [Id], [IntroducedInVersionId], [Text] FROM [Statements]", StringComparison.Ordinal));
        Assert.All(server.Statements, sql => Assert.Empty(CapturedSqlServer.ParseErrors(sql)));
    }

    [Fact]
    public void Import_set_based_statements_parse_as_T_SQL()
    {
        var server = new CapturedSqlServer();
        using var db = server.CreateDbContext();
        var area = new Area { Id = 7, Name = "ML Ops", Anchor = "ml-ops" };
        var added = Enumerable.Range(0, 301)
            .Select(i => (area, new Statement { Text = $"I can {i}.", Order = i, IntroducedInVersionId = 3, LastChangedInVersionId = 3 }))
            .ToList();

        var commands = ImportFramework.SetBasedInserts(db, added, 3).ToList();

        Assert.Equal(3, commands.Count); // two chunks of statements, then the revisions
        foreach (var (sql, parameters) in commands)
        {
            // ExecuteSqlRaw turns {n} into the provider's parameter names, as here.
            var named = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Enumerable.Range(0, parameters.Count).Select(i => (object)$"@p{i}").ToArray());
            var errors = CapturedSqlServer.ParseErrors(named);
            Assert.True(errors.Count == 0, $"{string.Join("; ", errors)}{Environment.NewLine}{named}");
        }
    }

    [Fact]
    public void Import_set_based_insert_names_every_required_statement_column()
    {
        var server = new CapturedSqlServer();
        using var db = server.CreateDbContext();
        var statement = db.Model.FindEntityType(typeof(Statement))!;
        var listed = ImportFramework.StatementColumns.Select(c => c.Property).ToList();

        var required = statement.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsNullable).Select(p => p.Name);

        Assert.Empty(required.Except(listed));
        Assert.All(listed, name => Assert.NotNull(statement.FindProperty(name)));

        // Sections and areas go in set-based too: every column but the key, since a column left out would silently take
        // its default on SQLite.
        foreach (var (type, columns) in new[]
        {
            (typeof(Section), ImportFramework.SectionColumns.Select(c => c.Property).ToList()),
            (typeof(Area), ImportFramework.AreaColumns.Select(c => c.Property).ToList()),
        })
        {
            var entity = db.Model.FindEntityType(type)!;
            Assert.Equal(entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name).Order(), columns.Order());
        }
    }

    /// <summary>What a use case may end with when every read comes back empty; anything else (e.g. a query EF cannot translate for SQL Server) fails.</summary>
    private static bool IsEmptyResultOutcome(Exception ex) => ex switch
    {
        UseCaseException => true,
        DbUpdateException => true,
        InvalidOperationException { Message: var m } when m.StartsWith("Sequence contains no", StringComparison.Ordinal) => true,
        _ => false,
    };

    /// <summary>Builds use cases (and the use cases they depend on) on the captured SQL Server context.</summary>
    private sealed class UseCases(CapturedSqlServer server, IEvidenceFileStore files)
    {
        private readonly TimeProvider _clock = TestTime.Clock();

        public T UseCase<T>() => (T)Create(typeof(T));

        private object Create(Type type)
        {
            var constructor = type.GetConstructors().Single();
            var arguments = constructor.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(TimeProvider) => (object)_clock,
                var t when t == typeof(IEvidenceFileStore) => files,
                var t when t == typeof(EvidenceOptions) => new EvidenceOptions(),
                var t when t == typeof(GitHubOptions) => Scenario.FakeGitHubOptions(),
                var t when t == typeof(Core.Data.ISecretProtector) => new TestSecretProtector(),
                var t when t == typeof(INotificationSender) => new InAppNotificationSender(_clock),
                var t when t.IsAssignableFrom(typeof(CapturedSqlServer)) => server,
                var t when t.Namespace?.StartsWith("Vaarst.Growth.Core", StringComparison.Ordinal) == true && t.GetMethod("HandleAsync") is not null => Create(t),
                var t => throw new InvalidOperationException($"The test cannot provide {t} for {type.Name}."),
            }).ToArray();
            return constructor.Invoke(arguments);
        }
    }
}
