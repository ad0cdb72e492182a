using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

/// <summary>The frozen record: what the panel reads and decides on is captured when the session starts, and never changes.</summary>
public sealed class FrozenRecordTests
{
    [Fact]
    public async Task The_record_is_captured_at_start_with_a_stable_hash_and_live_edits_only_show_as_a_notice()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance/benchmarking code"));
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        Assert.Null((await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, edge, Ct)).Frozen);

        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        var captured = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, edge, Ct);
        var comparison = await s.UseCase<GetComparison>().HandleAsync(s.Panel1, session, Ct);
        await using (var db = s.Database.CreateDbContext())
        {
            var snapshot = await db.DossierSnapshots.SingleAsync(Ct);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot.Content))), snapshot.ContentHash);
            Assert.Equal((snapshot.ContentHash, snapshot.CapturedAtUtc, 0), (captured.Frozen!.ContentHash, captured.Frozen.CapturedAtUtc, captured.Frozen.ChangedSince));
        }

        Assert.Equal("A pull request", Evidence(captured).Title);
        Assert.Equal("Practising", captured.Areas.SelectMany(a => a.Statements).Single(st => st.Evidence.Count > 0).Rating);

        // The engineer edits the evidence and rates another statement after the start.
        var version = await VersionAsync(s, evidenceId);
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, version,
            new EvidenceDetails("A rewritten pull request", new DateOnly(2026, 11, 20), null), "https://github.com/vaarst/x/pull/2"), Ct);
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I am familiar with media and streaming libraries"));

        var after = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel2, edge, Ct);
        Assert.Equal(("A pull request", "https://github.com/vaarst/x/pull/1"), (Evidence(after).Title, Evidence(after).Url));
        Assert.Equal((captured.Frozen.ContentHash, 2), (after.Frozen!.ContentHash, after.Frozen.ChangedSince));
        Assert.Equal(JsonSerializer.Serialize(comparison), JsonSerializer.Serialize(await s.UseCase<GetComparison>().HandleAsync(s.Panel1, session, Ct)));
        Assert.Equal(JsonSerializer.Serialize(captured.Areas), JsonSerializer.Serialize(after.Areas));

        // The decision is bound to the record, and the packet printed after close is the captured record, without the notice.
        var nomination = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single();
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, nomination.Version, Outcome.Promote, "Strong"), Ct);
        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);
        s.Database.Clock.Advance(TimeSpan.FromDays(30));
        var packet = await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, edge, Ct);
        Assert.Equal(JsonSerializer.Serialize(captured.Areas), JsonSerializer.Serialize(packet.Areas));
        Assert.Equal((captured.Frozen.ContentHash, captured.Overall, 0), (packet.Frozen!.ContentHash, packet.Overall, packet.Frozen.ChangedSince));
        await using (var db = s.Database.CreateDbContext())
        {
            var decided = await db.AuditEvents.SingleAsync(a => a.Type == Vaarst.Growth.Core.Audit.AuditEventTypes.CalibrationDecided, Ct);
            Assert.Contains(captured.Frozen.ContentHash, decided.After);
        }
    }

    [Fact]
    public async Task Frozen_records_refuse_updates_and_deletes()
    {
        await using var s = await CreateAsync();
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);

        await using (var db = s.Database.CreateDbContext())
        {
            var snapshot = await db.DossierSnapshots.SingleAsync(Ct);
            snapshot.Content = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = s.Database.CreateDbContext())
        {
            db.DossierSnapshots.Remove(await db.DossierSnapshots.SingleAsync(Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = s.Database.CreateDbContext())
        {
            Assert.NotEqual("{}", (await db.DossierSnapshots.SingleAsync(Ct)).Content);
        }
    }

    private static EvidenceView Evidence(CandidateDossier dossier) => dossier.Areas.SelectMany(a => a.Statements).SelectMany(st => st.Evidence).Single();

    private static async Task<int> VersionAsync(Scenario s, int evidenceId)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.Evidence.Where(e => e.Id == evidenceId).Select(e => e.Version).SingleAsync(Ct);
    }
}
