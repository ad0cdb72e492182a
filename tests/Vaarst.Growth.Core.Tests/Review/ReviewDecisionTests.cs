using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Review;

public sealed class ReviewDecisionTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";

    [Fact]
    public async Task Submit_notifies_the_manager_and_the_queue_lists_it_oldest_first()
    {
        await using var s = await CreateAsync();
        var older = await SubmittedAsync(s, s.Edge, Benchmarking);
        s.Database.Clock.Advance(TimeSpan.FromHours(3));
        var newer = await SubmittedAsync(s, s.Ml, "I can implement algorithms");

        var queue = await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct);

        Assert.Equal([older, newer], queue.Entries.Select(e => e.ItemId));
        Assert.Equal(2, await s.UseCase<CountReviewQueue>().HandleAsync(s.Manager, Ct));
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.OtherManager, new GetReviewQueueRequest(), Ct)).Entries);
        Assert.Equal([newer], (await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(EngineerId: s.Ml.PersonId), Ct)).Entries.Select(e => e.ItemId));
        var inbox = await s.UseCase<GetNotifications>().HandleAsync(s.Manager, 20, Ct);
        Assert.Equal(2, inbox.Unread);
        Assert.All(inbox.Latest, n => Assert.Equal(NotificationKinds.ItemSubmitted, n.Kind));
    }

    [Fact]
    public async Task SignOff_by_the_manager_records_the_evidence_basis_audits_and_notifies_the_engineer()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);

        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "Nice harness", s.Seen(itemId)), Ct);

        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(itemId)).Status);
        await using var db = s.Database.CreateDbContext();
        var decision = await db.ReviewDecisions.SingleAsync(Ct);
        Assert.Equal((DecisionKind.SignOff, s.Manager.PersonId!.Value, "Nice harness"), (decision.Kind, decision.ReviewerId, decision.Comment));
        var evidence = await db.Evidence.SingleAsync(Ct);
        var basis = JsonDocument.Parse(decision.EvidenceBasis!).RootElement.EnumerateArray().Single();
        Assert.Equal((evidence.Id, evidence.ContentHash), (basis.GetProperty("id").GetInt32(), basis.GetProperty("hash").GetString()));
        var audit = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.ItemSignedOff, Ct);
        Assert.Contains("Submitted", audit.Before);
        Assert.Contains("SignedOff", audit.After);
        var inbox = await s.UseCase<GetNotifications>().HandleAsync(s.Edge, 20, Ct);
        Assert.Contains(inbox.Latest, n => n.Kind == NotificationKinds.ItemSignedOff && n.Title.Contains("Nice harness"));
    }

    [Fact]
    public async Task SignOff_of_ones_own_item_is_refused()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);
        var selfReviewer = s.Edge with { Roles = Roles.Engineer | Roles.Manager };

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SignOffItem>().HandleAsync(selfReviewer, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));

        Assert.Contains("Nobody signs off their own items", ex.Message);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(itemId)).Status);
    }

    [Theory]
    [InlineData("OtherManager")]
    [InlineData("Ml")]
    [InlineData("Admin")]
    public async Task SignOff_by_anyone_but_the_line_manager_is_refused(string who)
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);
        var actor = who switch { "OtherManager" => s.OtherManager, "Ml" => s.Ml, _ => s.Admin };

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SignOffItem>().HandleAsync(actor, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));

        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(itemId)).Status);
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Delegate_may_decide_only_within_the_delegation_period()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(s.Manager.PersonId!.Value, s.OtherManager.PersonId!.Value, today.AddDays(1), today.AddDays(5)), Ct);
        var item = await s.ItemAsync(itemId);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<SignOffItem>().HandleAsync(s.OtherManager, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.OtherManager, new GetReviewQueueRequest(), Ct)).Entries);

        s.Database.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Single((await s.UseCase<GetReviewQueue>().HandleAsync(s.OtherManager, new GetReviewQueueRequest(), Ct)).Entries);
        await s.UseCase<SignOffItem>().HandleAsync(s.OtherManager, new DecisionRequest(itemId, item.Version, "Covering for Mia", s.Seen(itemId)), Ct);
        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(itemId)).Status);

        s.Database.Clock.Advance(TimeSpan.FromDays(10));
        var signedOff = await s.ItemAsync(itemId);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RevokeSignOff>().HandleAsync(s.OtherManager, new DecisionRequest(itemId, signedOff.Version, "too late", s.Seen(itemId)), Ct));
    }

    [Fact]
    public async Task RequestChanges_needs_a_comment_and_the_engineer_can_resubmit()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "  ", s.Seen(itemId)), Ct));
        await s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "Link the results run", s.Seen(itemId)), Ct);

        var returned = await s.ItemAsync(itemId);
        Assert.Equal(ItemStatus.ChangesRequested, returned.Status);
        var checklist = await s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(), Ct);
        Assert.Equal("Link the results run", checklist.Rows.Single(r => r.ItemId == itemId).LatestComment);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, returned.Version)]), Ct);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(itemId)).Status);
    }

    [Fact]
    public async Task Revoke_needs_a_reason_and_sends_the_item_back()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var version = (await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct)).Version;

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<RevokeSignOff>().HandleAsync(s.Manager, new DecisionRequest(itemId, version, null, s.Seen(itemId)), Ct));
        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(itemId)).Status);

        await s.UseCase<RevokeSignOff>().HandleAsync(s.Manager, new DecisionRequest(itemId, version, "Signed off the wrong item", s.Seen(itemId)), Ct);

        Assert.Equal(ItemStatus.ChangesRequested, (await s.ItemAsync(itemId)).Status);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal([DecisionKind.SignOff, DecisionKind.Revoke], await db.ReviewDecisions.OrderBy(d => d.Id).Select(d => d.Kind).ToListAsync(Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.SignOffRevoked && a.After!.Contains("Signed off the wrong item"), Ct));
    }

    [Fact]
    public async Task Evidence_edited_after_sign_off_is_queued_for_reconfirmation_and_can_be_reconfirmed()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("Reworded", evidence.WorkDate, null), evidence.Url), Ct);

        var entry = Assert.Single((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries);
        Assert.Equal(QueueReason.Reconfirm, entry.Reason);
        Assert.Contains((await s.UseCase<GetNotifications>().HandleAsync(s.Manager, 20, Ct)).Latest, n => n.Kind == NotificationKinds.ReconfirmationNeeded);
        var item = await s.ItemAsync(itemId);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));

        await s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "Still good", s.Seen(itemId)), Ct);

        var reconfirmed = await s.ItemAsync(itemId);
        Assert.False(reconfirmed.NeedsReconfirmation);
        Assert.Equal(ItemStatus.SignedOff, reconfirmed.Status);
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries);
    }

    [Fact]
    public async Task Decision_on_an_item_that_changed_since_it_was_opened_is_a_conflict()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var opened = await s.ItemAsync(itemId);
        await s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(itemId, opened.Version), Ct);
        var withdrawn = await s.ItemAsync(itemId);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, withdrawn.Version)]), Ct);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, null, s.Seen(itemId)), Ct));

        Assert.Contains("changed since you opened it", ex.Message);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(itemId)).Status);
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Decision_on_a_view_older_than_withdraw_edit_resubmit_is_a_conflict_and_records_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var opened = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        await s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(itemId, opened.Version), Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("Swapped", evidence.WorkDate, null), "https://example.com/other"), Ct);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        var audited = await s.CountAsync<AuditEvent>();

        foreach (var decide in new Func<Task>[]
        {
            () => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, null, opened.EvidenceFingerprint), Ct),
            () => s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, "More", opened.EvidenceFingerprint), Ct),
        })
        {
            await Assert.ThrowsAsync<ConflictException>(decide);
        }

        var now = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.NotEqual(opened.EvidenceFingerprint, now.EvidenceFingerprint);
        Assert.Equal(ChecklistStatus.Submitted, now.Status);
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
        Assert.Equal(audited, await s.CountAsync<AuditEvent>());
    }

    [Fact]
    public async Task Decision_with_the_item_version_but_an_older_evidence_fingerprint_is_a_conflict_and_records_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        var edited = await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("First rewrite", evidence.WorkDate, null), evidence.Url), Ct);
        var opened = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal(ChecklistStatus.NeedsReconfirmation, opened.Status);

        // The item is already flagged, so this second edit (allowed: the item is not waiting for review) leaves its version as it was.
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, edited, new EvidenceDetails("Second rewrite", evidence.WorkDate, null), "https://example.com/swapped"), Ct);
        Assert.Equal(opened.Version, (await s.ItemAsync(itemId)).Version);
        var decisions = await s.CountAsync<ReviewDecision>();
        var audited = await s.CountAsync<AuditEvent>();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, null, opened.EvidenceFingerprint), Ct));

        Assert.Contains("evidence of this item changed since you opened it", ex.Message);
        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
        Assert.Equal(decisions, await s.CountAsync<ReviewDecision>());
        Assert.Equal(audited, await s.CountAsync<AuditEvent>());
        var reloaded = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        await s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, reloaded.Version, null, reloaded.EvidenceFingerprint), Ct);
        Assert.False((await s.ItemAsync(itemId)).NeedsReconfirmation);
    }

    [Fact]
    public async Task Decision_on_a_statement_whose_text_an_import_changed_since_it_was_opened_is_a_conflict_and_records_nothing()
    {
        // What the reviewer saw includes the statement: a framework import that rewrites it while the item waits for a
        // decision must not let a decision taken on the old wording be recorded as one on the new wording.
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var opened = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        await ImportWithStatementTextAsync(s, "I can write performance/benchmarking code and present the results as the basis for a decision.");
        var audited = await s.CountAsync<AuditEvent>();

        foreach (var decide in new Func<Task>[]
        {
            () => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, null, opened.EvidenceFingerprint), Ct),
            () => s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, "More", opened.EvidenceFingerprint), Ct),
        })
        {
            await Assert.ThrowsAsync<ConflictException>(decide);
        }

        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
        Assert.Equal(audited, await s.CountAsync<AuditEvent>());
        var reloaded = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal(ChecklistStatus.Submitted, reloaded.Status);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, reloaded.Version, null, reloaded.EvidenceFingerprint), Ct);

        // Signed off, then rewritten: flagged for re-confirmation. The reviewer opens it, and the wording changes again
        // (the item is already flagged) before they re-confirm.
        await ImportWithStatementTextAsync(s, "I can write benchmarking code.");
        var toReconfirm = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal(ChecklistStatus.NeedsReconfirmation, toReconfirm.Status);
        await ImportWithStatementTextAsync(s, "I can write benchmarking code for embedded devices.");
        var decisions = await s.CountAsync<ReviewDecision>();

        await Assert.ThrowsAsync<ConflictException>(() =>
            s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, toReconfirm.Version, null, toReconfirm.EvidenceFingerprint), Ct));
        Assert.Equal(decisions, await s.CountAsync<ReviewDecision>());
        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
    }

    /// <summary>Imports the seed framework with the benchmarking statement's text replaced (identity kept: same place).</summary>
    private static async Task ImportWithStatementTextAsync(Scenario s, string text)
    {
        await using var db = s.Database.CreateDbContext();
        var current = await db.Statements.Where(x => x.Id == db.ChecklistItems.Select(i => i.StatementId).First()).Select(x => x.Text).SingleAsync(Ct);
        var root = RepositoryRoot.Combine("seed-content");
        var pages = Directory.GetFiles(RepositoryRoot.Combine("seed-content", "careerframework"), "*.md", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(root, f), Text: File.ReadAllText(f).Replace("I can to write performance/benchmarking code and analyse the results.", current)))
            .Select(p => (p.File, Text: p.Text.Replace(current, text)))
            .ToArray();
        Assert.Contains(pages, p => p.Text.Contains(text));
        await s.ImportPagesAsync(pages);
        Assert.Equal(text, await db.Statements.Where(x => x.Text == text).Select(x => x.Text).SingleAsync(Ct));
    }

    [Fact]
    public async Task Evidence_edit_committed_while_the_decision_is_being_made_is_a_conflict_and_records_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        var edited = await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("First rewrite", evidence.WorkDate, null), evidence.Url), Ct);
        var opened = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        var decisions = await s.CountAsync<ReviewDecision>();

        // The engineer's second edit commits after the decision checked the evidence, just before it writes.
        s.Database.BeforeNextTransaction.Set(() => s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, edited, new EvidenceDetails("Second rewrite", evidence.WorkDate, null), "https://example.com/swapped"), Ct));
        await Assert.ThrowsAsync<ConflictException>(() =>
            s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, opened.Version, null, opened.EvidenceFingerprint), Ct));

        Assert.Equal("Second rewrite", Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Title);
        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
        Assert.Equal(decisions, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Two_reviewers_deciding_in_parallel_record_exactly_one_decision()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(s.Manager.PersonId!.Value, s.OtherManager.PersonId!.Value, today, today.AddDays(3)), Ct);
        var version = (await s.ItemAsync(itemId)).Version;

        var outcomes = await Task.WhenAll(
            Attempt(() => s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, version, null, s.Seen(itemId)), Ct)),
            Attempt(() => s.UseCase<RequestChanges>().HandleAsync(s.OtherManager, new DecisionRequest(itemId, version, "Needs more", s.Seen(itemId)), Ct)));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<ConflictException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(1, await s.CountAsync<ReviewDecision>());
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ItemSignedOff || a.Type == AuditEventTypes.ChangesRequested, Ct));
    }

    [Fact]
    public async Task Team_view_shows_readiness_waiting_and_reconfirmation_per_report()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        await SubmittedAsync(s, s.Edge, "I can use the relevant Parallel Computing");
        await s.UseCase<RateStatement>().HandleAsync(s.Ml, new RateStatementRequest(await s.StatementAsync("I can implement algorithms"), SelfRating.NotApplicable, "research is done elsewhere", null), Ct);

        var team = await s.UseCase<GetMyTeam>().HandleAsync(s.Manager, Ct);

        var edge = team.Single(m => m.Id == s.Edge.PersonId);
        Assert.Equal((13, 1, 1), (edge.Readiness!.Applicable, edge.Readiness.SignedOff, edge.WaitingForReview));
        var ml = team.Single(m => m.Id == s.Ml.PersonId);
        Assert.Equal((9, 0), (ml.Readiness!.Applicable, ml.Readiness.SignedOff));
        Assert.Empty(await s.UseCase<GetMyTeam>().HandleAsync(s.OtherManager, Ct));
    }

    [Fact]
    public async Task Manager_can_read_a_reports_item_but_not_another_teams()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);

        var view = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);

        Assert.Equal("Eda Edge", view.PersonName);
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetItem>().HandleAsync(s.OtherManager, itemId, Ct));
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<int> SubmittedAsync(Scenario s, Actor engineer, string statementPrefix)
    {
        var (itemId, _) = await s.ItemWithEvidenceAsync(engineer, await s.StatementAsync(statementPrefix));
        var item = await s.ItemAsync(itemId);
        await s.UseCase<SubmitItems>().HandleAsync(engineer, new SubmitItemsRequest([new ItemRef(itemId, item.Version)]), Ct);
        return itemId;
    }
}
