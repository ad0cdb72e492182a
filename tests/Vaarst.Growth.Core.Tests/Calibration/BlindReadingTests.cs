using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

/// <summary>
/// One place decides who reads a person's record (<see cref="RecordAccess"/>): a member of a blind panel reads the
/// candidates only through the session's name-free views, reaches a named view of one candidate only after revealing
/// that candidate with a reason (audited), and loses it when the session closes.
/// </summary>
public sealed class BlindReadingTests
{
    private const string NameBearingFile = "EdaEdge-benchmarks.csv";

    [Fact]
    public async Task PanelMember_reads_no_named_record_of_anyone_in_the_organisation_until_they_reveal_that_candidate()
    {
        await using var s = await CreateAsync();
        var (session, edge, ml, fileId) = await StartedAsync(s);

        await AssertNoNamedRecordAsync(s, s.Panel2, except: s.Panel2.PersonId!.Value);

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, "  "), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<RevealIdentities>().HandleAsync(s.Panel3, new RevealIdentitiesRequest(edge, "Curious"), Ct));
        await s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, "I may have worked with this candidate"), Ct);

        // Eda, and only Eda, is now named to Quinn: in the session and in her record.
        var gap = await s.UseCase<GetGap>().HandleAsync(s.Panel2, new GetGapRequest(s.Edge.PersonId), Ct);
        Assert.Equal("Eda Edge", gap.PersonName);
        Assert.StartsWith("gap-EdaEdge-", (await s.UseCase<ExportGap>().HandleAsync(s.Panel2, new GetGapRequest(s.Edge.PersonId), Ct)).FileName);
        Assert.Equal(NameBearingFile, (await DownloadAsync(() => s.UseCase<OpenEvidenceFile>().HandleAsync(s.Panel2, fileId, Ct))).FileName);

        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetGap>().HandleAsync(s.Panel2, new GetGapRequest(s.Ml.PersonId), Ct));
        var view = await s.UseCase<GetSession>().HandleAsync(s.Panel2, session, Ct);
        Assert.Equal(["Eda Edge", "Candidate B"], view.Candidates.Select(c => c.Label));
        Assert.Equal([s.Edge.PersonId, null], view.Candidates.Select(c => c.PersonId));
        Assert.False(view.SeesIdentities);
        Assert.Equal(["Candidate A", "Candidate B"], (await s.UseCase<GetComparison>().HandleAsync(s.Panel1, session, Ct)).Candidates.Select(c => c.Label));
        await AssertNoNamedRecordAsync(s, s.Panel1, except: s.Panel1.PersonId!.Value);

        // The reveal is audited against Eda, with its reason, and shown to the chair for that candidate.
        var log = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(s.Edge.PersonId, AuditEventTypes.IdentitiesRevealed), 0, 10, Ct);
        var reveal = Assert.Single(log.Entries);
        Assert.Equal(("Quinn Panel", "Eda Edge"), (reveal.ActorName, reveal.PersonName));
        Assert.Contains("I may have worked with this candidate", reveal.After);
        var chairLog = Assert.Single((await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Reveals);
        Assert.Equal(("Quinn Panel", "Candidate A", "I may have worked with this candidate"), (chairLog.MemberName, chairLog.CandidateLabel, chairLog.Reason));
        _ = ml;
    }

    [Fact]
    public async Task PanelMember_loses_every_named_view_when_the_session_closes_and_keeps_its_name_free_record()
    {
        await using var s = await CreateAsync();
        var (session, edge, ml, fileId) = await StartedAsync(s);
        await s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, "Conflict check"), Ct);
        Assert.Equal("Eda Edge", (await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct)).Label);

        await CloseAsync(s, session);

        await AssertNoNamedRecordAsync(s, s.Panel2, except: s.Panel2.PersonId!.Value);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(ml, "After the fact"), Ct));
        foreach (var result in await PanelResultsAsync(s, s.Panel2, session, edge))
        {
            var json = JsonSerializer.Serialize(result);
            Assert.DoesNotContain("Eda Edge", json);
            Assert.DoesNotContain("EdaEdge", json);
            Assert.DoesNotContain("Mia Manager", json);
        }

        var dossier = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct);
        Assert.Equal(("Candidate A", (int?)null), (dossier.Label, dossier.PersonId));
        var file = await DownloadAsync(() => s.UseCase<OpenCandidateEvidenceFile>().HandleAsync(s.Panel2, new OpenCandidateEvidenceFileRequest(edge, fileId), Ct));
        Assert.Equal($"candidate-a-evidence-{fileId}.csv", file.FileName);
    }

    [Fact]
    public async Task Dossier_names_an_uploaded_file_by_label_and_serves_it_through_the_session_until_the_candidate_is_revealed()
    {
        await using var s = await CreateAsync();
        var (_, edge, ml, fileId) = await StartedAsync(s);

        var dossier = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct);
        var shown = dossier.Areas.SelectMany(a => a.Statements).SelectMany(st => st.Evidence).Single(e => e.Id == fileId);
        Assert.Equal($"candidate-a-evidence-{fileId}.csv", shown.FileName);
        var file = await DownloadAsync(() => s.UseCase<OpenCandidateEvidenceFile>().HandleAsync(s.Panel2, new OpenCandidateEvidenceFileRequest(edge, fileId), Ct));
        Assert.Equal((shown.FileName, "text/csv", "run,p95\n1,19\n"), (file.FileName, file.ContentType, file.Text));

        // Not through another candidate's nomination, nor for a panel the reader does not sit on.
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<OpenCandidateEvidenceFile>().HandleAsync(s.Panel2, new OpenCandidateEvidenceFileRequest(ml, fileId), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<OpenCandidateEvidenceFile>().HandleAsync(s.Panel3, new OpenCandidateEvidenceFileRequest(edge, fileId), Ct));

        await s.UseCase<RevealIdentities>().HandleAsync(s.Panel2, new RevealIdentitiesRequest(edge, "Conflict check"), Ct);
        var named = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct);
        Assert.Equal(NameBearingFile, named.Areas.SelectMany(a => a.Statements).SelectMany(st => st.Evidence).Single(e => e.Id == fileId).FileName);
        var revealed = await DownloadAsync(() => s.UseCase<OpenCandidateEvidenceFile>().HandleAsync(s.Panel2, new OpenCandidateEvidenceFileRequest(edge, fileId), Ct));
        Assert.Equal(NameBearingFile, revealed.FileName);
    }

    [Fact]
    public async Task AuditLog_of_an_administrator_on_a_blind_panel_leaves_out_the_events_that_tie_a_label_to_a_person()
    {
        await using var s = await CreateAsync();
        Actor adminOnPanel;
        await using (var db = s.Database.CreateDbContext())
        {
            var person = new Person { Name = "Ari Admin-Panel", Email = "ari@vaarst.example", Roles = Roles.Administrator | Roles.CalibrationPanel };
            db.People.Add(person);
            await db.SaveChangesAsync(Ct);
            adminOnPanel = new Actor(person.Id, person.Name, person.Roles);
        }

        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Blind", 4, new DateOnly(2026, 12, 10), [adminOnPanel.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel2.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel2, session, Ct);
        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel2, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);

        var other = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(), 0, 500, Ct);
        Assert.Contains(other.Entries, e => e.SubjectType == "Nomination" && e.PersonName == "Eda Edge");

        var mine = await s.UseCase<GetAuditLog>().HandleAsync(adminOnPanel, new AuditLogFilter(), 0, 500, Ct);
        Assert.DoesNotContain(mine.Entries, e => e.SubjectType == "Nomination");
        Assert.Contains(mine.Entries, e => e.Type == AuditEventTypes.SessionCreated);
        Assert.DoesNotContain("Candidate A", await s.UseCase<ExportAuditLog>().HandleAsync(adminOnPanel, new AuditLogFilter(), Ct));
    }

    private static async Task<(string FileName, string ContentType, string Text)> DownloadAsync(Func<Task<EvidenceFileDownload>> open)
    {
        var file = await open();
        await using var content = file.Content;
        using var reader = new StreamReader(content);
        return (file.FileName, file.ContentType, await reader.ReadToEndAsync(Ct));
    }

    /// <summary>As <paramref name="reader"/>, every person's gap, gap CSV, items and evidence files are refused as not found (their own aside).</summary>
    private static async Task AssertNoNamedRecordAsync(Scenario s, Actor reader, int except)
    {
        List<int> people, items, files;
        await using (var db = s.Database.CreateDbContext())
        {
            people = await db.People.Where(p => p.Id != except).Select(p => p.Id).ToListAsync(Ct);
            items = await db.ChecklistItems.Where(i => i.PersonId != except).Select(i => i.Id).ToListAsync(Ct);
            files = await db.Evidence.Where(e => e.OwnerId != except && e.Kind == EvidenceKind.File).Select(e => e.Id).ToListAsync(Ct);
        }

        Assert.NotEmpty(items);
        Assert.NotEmpty(files);
        foreach (var id in people)
        {
            var gap = await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetGap>().HandleAsync(reader, new GetGapRequest(id), Ct));
            Assert.Equal("That engineer's gap view does not exist, or you may not see it.", gap.Message);
            await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<ExportGap>().HandleAsync(reader, new GetGapRequest(id), Ct));
        }

        foreach (var id in items)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetItem>().HandleAsync(reader, id, Ct));
        }

        foreach (var id in files)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<OpenEvidenceFile>().HandleAsync(reader, id, Ct));
        }
    }

    /// <summary>
    /// A blind session chaired by Pat with Quinn; Mia nominated Eda (A), who uploaded a file whose name carries hers and
    /// has a reviewed, submitted item, and Max (B). Started.
    /// </summary>
    private static async Task<(int Session, int Edge, int Ml, int FileId)> StartedAsync(Scenario s)
    {
        var benchmarking = await s.StatementAsync("I can to write performance/benchmarking code");
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, benchmarking);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        await s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, "Add the results run", s.Seen(itemId)), Ct);
        var fileId = await s.UseCase<AddFileEvidence>().HandleAsync(s.Edge,
            new AddFileEvidenceRequest(new EvidenceDetails("Benchmark results", new DateOnly(2026, 10, 1), null), NameBearingFile, new MemoryStream("run,p95\n1,19\n"u8.ToArray()), [benchmarking]), Ct);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Autumn 2026 · Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Shipped the edge pipeline"), Ct);
        var ml = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Strong research work"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        return (session, edge, ml, fileId);
    }

    private static async Task CloseAsync(Scenario s, int session)
    {
        foreach (var candidate in (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates)
        {
            await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(candidate.NominationId, candidate.Version, Outcome.Defer, "Next cycle"), Ct);
        }

        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
    }

    private static async Task<object[]> PanelResultsAsync(Scenario s, Actor member, int session, int nomination) =>
    [
        await s.UseCase<GetSession>().HandleAsync(member, session, Ct),
        await s.UseCase<GetComparison>().HandleAsync(member, session, Ct),
        await s.UseCase<GetCandidateDossier>().HandleAsync(member, nomination, Ct),
        (await s.UseCase<ExportComparison>().HandleAsync(member, session, Ct)).Csv,
        (await s.UseCase<ListSessions>().HandleAsync(member, Ct)).ToList(),
        await s.UseCase<GetNotifications>().HandleAsync(member, 100, Ct),
        await s.UseCase<GetMyOutcomes>().HandleAsync(member, Ct),
    ];
}
