using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Audit;

public sealed class AuditTrailTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";

    [Fact]
    public async Task Each_state_change_writes_exactly_one_event_with_before_and_after()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(Benchmarking);

        var rated = await Step(s, AuditEventTypes.RatingChanged, () =>
            s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Practising, null, null), Ct));
        var evidenceId = await Step(s, AuditEventTypes.EvidenceAdded, () => s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge,
            new AddLinkEvidenceRequest(new EvidenceDetails("PR", new DateOnly(2026, 9, 1), null), "https://github.com/v/x/pull/9", [statement]), Ct), expectBefore: false);
        var submitted = (await Step(s, AuditEventTypes.ItemSubmitted, () =>
            s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(rated.ItemId, s.ItemAsync(rated.ItemId).Result.Version)]), Ct))).Single();
        var withdrawn = await Step(s, AuditEventTypes.SubmissionWithdrawn, () => s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(rated.ItemId, submitted.Version), Ct));
        var resubmitted = (await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(rated.ItemId, withdrawn.Version)]), Ct)).Single();
        var changes = await Step(s, AuditEventTypes.ChangesRequested, () => s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(rated.ItemId, resubmitted.Version, "More", s.Seen(rated.ItemId)), Ct));
        var again = (await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(rated.ItemId, changes.Version)]), Ct)).Single();
        var signed = await Step(s, AuditEventTypes.ItemSignedOff, () => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(rated.ItemId, again.Version, null, s.Seen(rated.ItemId)), Ct));
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        var archived = await Step(s, AuditEventTypes.EvidenceArchived, () => s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, evidence.Version), Ct));
        await Step(s, AuditEventTypes.EvidenceRestored, () => s.UseCase<RestoreEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, archived), Ct));
        var flagged = await s.ItemAsync(rated.ItemId);
        Assert.True(flagged.NeedsReconfirmation);
        var reconfirmed = await Step(s, AuditEventTypes.ItemReconfirmed, () => s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(rated.ItemId, flagged.Version, null, s.Seen(rated.ItemId)), Ct));
        await Step(s, AuditEventTypes.SignOffRevoked, () => s.UseCase<RevokeSignOff>().HandleAsync(s.Manager, new DecisionRequest(rated.ItemId, reconfirmed.Version, "wrong", s.Seen(rated.ItemId)), Ct));
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        var delegation = await Step(s, AuditEventTypes.DelegationAssigned, () => s.UseCase<AssignDelegate>().HandleAsync(s.Admin,
            new AssignDelegateRequest(s.Manager.PersonId!.Value, s.OtherManager.PersonId!.Value, today, today.AddDays(2)), Ct), expectBefore: false);
        await Step(s, AuditEventTypes.DelegationEnded, async () => { await s.UseCase<EndDelegation>().HandleAsync(s.Admin, delegation, Ct); return 0; });
        Assert.Equal(1, await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.SignOffRevoked), 0, 100, Ct) is { Total: var t } ? t : -1);
    }

    [Fact]
    public async Task Audit_log_filters_by_person_type_and_dates_and_is_for_administrators_only()
    {
        await using var s = await CreateAsync();
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        s.Database.Clock.Advance(TimeSpan.FromDays(3));
        await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync("I can implement algorithms"));
        var log = s.UseCase<GetAuditLog>();
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);

        var edge = await log.HandleAsync(s.Admin, new AuditLogFilter(PersonId: s.Edge.PersonId), 0, 100, Ct);
        var recent = await log.HandleAsync(s.Admin, new AuditLogFilter(From: today), 0, 100, Ct);
        var ratings = await log.HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.RatingChanged), 0, 100, Ct);

        Assert.All(edge.Entries, e => Assert.True(e.PersonName == "Eda Edge" || e.ActorName == "Eda Edge"));
        Assert.DoesNotContain(recent.Entries, e => e.ActorName == "Eda Edge");
        Assert.Contains(recent.Entries, e => e.ActorName == "Max Ml");
        Assert.Equal(2, ratings.Total);
        await Assert.ThrowsAsync<ValidationException>(() => log.HandleAsync(s.Admin, new AuditLogFilter(From: today, To: today.AddDays(-1)), 0, 100, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => log.HandleAsync(s.Manager, new AuditLogFilter(), 0, 100, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ExportAuditLog>().HandleAsync(s.Edge, new AuditLogFilter(), Ct));
    }

    [Fact]
    public async Task Export_is_csv_with_a_header_and_neutralised_formulas()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(Benchmarking);
        await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.NotApplicable, "=HYPERLINK(\"http://evil\")", null), Ct);

        var csv = await s.UseCase<ExportAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(), Ct);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,OccurredAtUtc,Actor,Type,Subject,Person,Summary,Before,After", lines[0]);
        Assert.Contains(lines, l => l.Contains(AuditEventTypes.FrameworkImported));
        Assert.Contains(lines, l => l.Contains(AuditEventTypes.RatingChanged) && l.Contains("Eda Edge"));
        Assert.Equal("'=x", ExportAuditLog.Neutralise("=x"));
    }

    [Fact]
    public void No_source_file_updates_or_deletes_audit_events()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"AuditEvents\s*\.\s*(Remove|RemoveRange|Update|UpdateRange|Attach|ExecuteDelete|ExecuteUpdate)")
                || Regex.IsMatch(l.Text, @"(DELETE\s+FROM|UPDATE)\s+\[?""?AuditEvents", RegexOptions.IgnoreCase))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    private static async Task<T> Step<T>(Scenario s, string type, Func<Task<T>> change, bool expectBefore = true)
    {
        await using var before = s.Database.CreateDbContext();
        var count = await before.AuditEvents.CountAsync(a => a.Type == type, Ct);

        var result = await change();

        await using var db = s.Database.CreateDbContext();
        var events = await db.AuditEvents.Where(a => a.Type == type).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.True(events.Count == count + 1, $"{type}: expected exactly one new event, found {events.Count - count}");
        var added = events[^1];
        Assert.NotNull(added.After);
        if (expectBefore)
        {
            Assert.NotNull(added.Before);
        }

        return result;
    }
}
