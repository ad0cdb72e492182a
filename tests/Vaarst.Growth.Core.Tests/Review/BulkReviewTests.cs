using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Review;

/// <summary>Bulk decisions from the review queue (#18 item 1) and undoing a decision within a minute.</summary>
public sealed class BulkReviewTests
{
    private static readonly string[] Statements = ["I can to write performance/benchmarking code", "I can use the relevant Parallel Computing", "I can implement algorithms"];

    [Fact]
    public async Task Bulk_sign_off_decides_every_item_with_one_audit_event_and_notification_each()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);

        var result = await s.UseCase<DecideItems>().HandleAsync(s.Manager, await FromQueueAsync(s, DecisionKind.SignOff, "Well evidenced"), Ct);

        Assert.Equal(ids.Order(), result.Decided.Select(d => d.ItemId).Order());
        Assert.Empty(result.LeftOut);
        await using var db = s.Database.CreateDbContext();
        Assert.All(await db.ChecklistItems.Where(i => ids.Contains(i.Id)).ToListAsync(Ct), i => Assert.Equal(ItemStatus.SignedOff, i.Status));
        Assert.Equal(ids.Order(), (await db.AuditEvents.Where(a => a.Type == AuditEventTypes.ItemSignedOff).Select(a => a.SubjectId!).ToListAsync(Ct)).Select(int.Parse).Order());
        Assert.Equal(3, await db.ReviewDecisions.CountAsync(d => d.Kind == DecisionKind.SignOff && d.Comment == "Well evidenced", Ct));
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.RecipientId == s.Edge.PersonId && n.Kind == NotificationKinds.ItemSignedOff, Ct));
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries);
    }

    [Fact]
    public async Task An_item_that_changed_since_the_queue_was_loaded_is_left_out_and_listed_and_the_others_are_decided()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var request = await FromQueueAsync(s, DecisionKind.SignOff, null);
        var changed = ids[0];
        await s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(changed, (await s.ItemAsync(changed)).Version), Ct);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(changed, (await s.ItemAsync(changed)).Version)]), Ct);

        var result = await s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct);

        var leftOut = Assert.Single(result.LeftOut);
        Assert.Equal(changed, leftOut.ItemId);
        Assert.Contains("changed since you opened it", leftOut.Reason);
        Assert.Equal(ids.Skip(1).Order(), result.Decided.Select(d => d.ItemId).Order());
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(changed)).Status);
        Assert.Equal(2, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task A_batch_naming_an_item_the_caller_does_not_review_is_refused_and_decides_nothing()
    {
        await using var s = await CreateAsync();
        await SubmittedAsync(s);
        var request = await FromQueueAsync(s, DecisionKind.SignOff, null);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<DecideItems>().HandleAsync(s.OtherManager, request, Ct));

        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Requesting_changes_on_several_items_needs_one_comment_and_sends_them_all_back()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var request = await FromQueueAsync(s, DecisionKind.RequestChanges, "  ");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct));
        Assert.Contains("Say what needs to change", ex.Message);
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());

        var result = await s.UseCase<DecideItems>().HandleAsync(s.Manager, request with { Comment = "Link the benchmark results" }, Ct);

        Assert.Equal(3, result.Decided.Count);
        await using var db = s.Database.CreateDbContext();
        Assert.All(await db.ChecklistItems.Where(i => ids.Contains(i.Id)).ToListAsync(Ct), i => Assert.Equal(ItemStatus.ChangesRequested, i.Status));
        Assert.Equal(3, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ChangesRequested, Ct));
    }

    [Theory]
    [InlineData(DecisionKind.SignOff, "Fine")]
    [InlineData(DecisionKind.RequestChanges, "More please")]
    public async Task Undo_within_60_seconds_puts_the_item_back_as_it_was_with_an_audited_revocation(DecisionKind kind, string comment)
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var request = await FromQueueAsync(s, kind, comment);
        var before = await s.ItemAsync(ids[0]);
        var decided = (await s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct)).Decided.Single(d => d.ItemId == ids[0]);
        s.Database.Clock.Advance(TimeSpan.FromSeconds(59));

        var undone = await s.UseCase<UndoDecision>().HandleAsync(s.Manager, new UndoDecisionRequest(decided.ItemId, decided.Version, s.Seen(decided.ItemId)), Ct);

        var after = await s.ItemAsync(ids[0]);
        Assert.Equal((before.Status, before.NeedsReconfirmation, before.ReconfirmationReason), (after.Status, after.NeedsReconfirmation, after.ReconfirmationReason));
        Assert.True(undone.Version > decided.Version);
        Assert.Equal(undone.Version, after.Version);
        await using var db = s.Database.CreateDbContext();
        var revocation = await db.ReviewDecisions.OrderByDescending(d => d.Id).FirstAsync(d => d.ChecklistItemId == ids[0], Ct);
        Assert.Equal((DecisionKind.Revoke, UndoDecision.Reason), (revocation.Kind, revocation.Comment));
        var audit = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.DecisionUndone, Ct);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Type == AuditEventTypes.SignOffRevoked, Ct));
        Assert.Equal(NotificationKinds.DecisionUndone, (await db.Notifications.OrderByDescending(n => n.Id).FirstAsync(n => n.RecipientId == s.Edge.PersonId, Ct)).Kind);
        Assert.Contains("undone", audit.After);
        Assert.Contains("Submitted", audit.After);
        Assert.Contains(ids[0], (await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries.Select(e => e.ItemId));
    }

    [Fact]
    public async Task Undo_after_60_seconds_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var decided = (await s.UseCase<DecideItems>().HandleAsync(s.Manager, await FromQueueAsync(s, DecisionKind.SignOff, null), Ct)).Decided[0];
        s.Database.Clock.Advance(TimeSpan.FromSeconds(61));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<UndoDecision>().HandleAsync(s.Manager, new UndoDecisionRequest(decided.ItemId, decided.Version, s.Seen(decided.ItemId)), Ct));

        Assert.Contains("within 60 seconds", ex.Message);
        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(decided.ItemId)).Status);
        Assert.Equal(3, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Undo_by_someone_other_than_the_reviewer_who_decided_is_refused()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var decided = (await s.UseCase<DecideItems>().HandleAsync(s.Manager, await FromQueueAsync(s, DecisionKind.SignOff, null), Ct)).Decided[0];
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        await s.UseCase<AssignDelegate>().HandleAsync(s.Admin, new AssignDelegateRequest(s.Manager.PersonId!.Value, s.OtherManager.PersonId!.Value, today, today.AddDays(3)), Ct);
        var undo = new UndoDecisionRequest(decided.ItemId, decided.Version, s.Seen(decided.ItemId));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<UndoDecision>().HandleAsync(s.OtherManager, undo, Ct));
        Assert.Contains("Only the reviewer who made a decision", ex.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<UndoDecision>().HandleAsync(s.Edge, undo, Ct));

        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(decided.ItemId)).Status);
    }

    [Fact]
    public async Task A_batch_re_confirms_the_sign_off_waiting_for_it_and_signs_off_the_others_with_one_audit_event_each()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        await ReconfirmationNeededAsync(s, ids[2]);
        var request = await FromQueueAsync(s, DecisionKind.SignOff, "Still holds");
        Assert.Equal([false, false, true], ids.Select(id => request.Items.Single(i => i.ItemId == id).Reconfirm));

        var result = await s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct);

        Assert.Empty(result.LeftOut);
        Assert.Equal(ids.Order(), result.Decided.Select(d => d.ItemId).Order());
        var reconfirmed = await s.ItemAsync(ids[2]);
        Assert.Equal((ItemStatus.SignedOff, false), (reconfirmed.Status, reconfirmed.NeedsReconfirmation));
        await using var db = s.Database.CreateDbContext();
        Assert.Equal([ids[2].ToString()], await db.AuditEvents.Where(a => a.Type == AuditEventTypes.ItemReconfirmed).Select(a => a.SubjectId).ToListAsync(Ct));
        // One sign-off event each: the two signed off now and the earlier sign-off of the re-confirmed item.
        Assert.Equal(ids.Order(), (await db.AuditEvents.Where(a => a.Type == AuditEventTypes.ItemSignedOff).Select(a => a.SubjectId!).ToListAsync(Ct)).Select(int.Parse).Order());
        Assert.Equal(1, await db.ReviewDecisions.CountAsync(d => d.Kind == DecisionKind.Reconfirm && d.ChecklistItemId == ids[2] && d.Comment == "Still holds", Ct));
        Assert.Equal(2, await db.ReviewDecisions.CountAsync(d => d.Kind == DecisionKind.SignOff && d.Comment == "Still holds", Ct));
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries);
    }

    [Fact]
    public async Task A_re_confirmation_whose_evidence_changed_since_the_queue_was_loaded_is_left_out_and_listed()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        await ReconfirmationNeededAsync(s, ids[2]);
        var request = await FromQueueAsync(s, DecisionKind.SignOff, null);
        await ReconfirmationNeededAsync(s, ids[2], signOffFirst: false);

        var result = await s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct);

        var leftOut = Assert.Single(result.LeftOut);
        Assert.Equal(ids[2], leftOut.ItemId);
        Assert.Contains("changed since you opened it", leftOut.Reason);
        Assert.Equal(ids.Take(2).Order(), result.Decided.Select(d => d.ItemId).Order());
        Assert.True((await s.ItemAsync(ids[2])).NeedsReconfirmation);
        await using var db = s.Database.CreateDbContext();
        Assert.False(await db.ReviewDecisions.AnyAsync(d => d.Kind == DecisionKind.Reconfirm, Ct));
    }

    [Fact]
    public async Task Requesting_changes_on_a_batch_with_a_re_confirmation_is_refused_and_decides_nothing()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        await ReconfirmationNeededAsync(s, ids[2]);
        var decisionsBefore = await s.CountAsync<ReviewDecision>();
        var request = await FromQueueAsync(s, DecisionKind.RequestChanges, "Link the results");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct));

        Assert.Contains("re-confirmation", ex.Message);
        Assert.Equal(decisionsBefore, await s.CountAsync<ReviewDecision>());
        foreach (var id in ids.Take(2))
        {
            Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(id)).Status);
        }
    }

    [Fact]
    public async Task An_undone_decision_has_its_own_audit_type_and_consistency_analytics_do_not_count_it()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var decided = (await s.UseCase<DecideItems>().HandleAsync(s.Manager, await FromQueueAsync(s, DecisionKind.SignOff, null), Ct)).Decided.Single(d => d.ItemId == ids[0]);
        Assert.Equal(3, (await s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Admin, Ct)).Decisions);

        var undone = await s.UseCase<UndoDecision>().HandleAsync(s.Manager, new UndoDecisionRequest(decided.ItemId, decided.Version, s.Seen(decided.ItemId)), Ct);

        var report = await s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Admin, Ct);
        Assert.Equal(2, report.Decisions);
        var manager = report.Managers.Single(m => m.ReviewerId == s.Manager.PersonId);
        Assert.Equal((2, 2), (manager.Decisions, manager.SignOffs));
        var log = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.DecisionUndone), 0, 100, Ct);
        Assert.Equal(1, log.Total);
        Assert.Equal(0, (await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.SignOffRevoked), 0, 100, Ct)).Total);

        // Decided again afterwards, the item counts once, with its new decision.
        await s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(ids[0], undone.Version, "Link the results", s.Seen(ids[0])), Ct);
        report = await s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Admin, Ct);
        Assert.Equal(3, report.Decisions);
        Assert.Equal((3, 2), report.Managers.Single(m => m.ReviewerId == s.Manager.PersonId) is var m2 ? (m2.Decisions, m2.SignOffs) : default);
    }

    [Fact]
    public async Task An_undo_names_the_decision_it_took_back_and_a_revocation_typed_undone_by_hand_is_still_counted()
    {
        await using var s = await CreateAsync();
        var ids = await SubmittedAsync(s);
        var decided = (await s.UseCase<DecideItems>().HandleAsync(s.Manager, await FromQueueAsync(s, DecisionKind.SignOff, null), Ct)).Decided;
        var first = decided.Single(d => d.ItemId == ids[0]);
        await s.UseCase<UndoDecision>().HandleAsync(s.Manager, new UndoDecisionRequest(first.ItemId, first.Version, s.Seen(first.ItemId)), Ct);
        await using (var db = s.Database.CreateDbContext())
        {
            var history = await db.ReviewDecisions.Where(d => d.ChecklistItemId == ids[0]).OrderBy(d => d.Id).ToListAsync(Ct);
            Assert.Equal([DecisionKind.SignOff, DecisionKind.Revoke], history.Select(d => d.Kind));
            Assert.Equal([null, history[0].Id], history.Select(d => d.UndoesDecisionId));
        }

        // Same reviewer, within the minute, the same words: but a revocation, not an undo. The sign-off was made and counts.
        var second = decided.Single(d => d.ItemId == ids[1]);
        s.Database.Clock.Advance(TimeSpan.FromSeconds(10));
        await s.UseCase<RevokeSignOff>().HandleAsync(s.Manager, new DecisionRequest(second.ItemId, second.Version, UndoDecision.Reason, s.Seen(second.ItemId)), Ct);

        var report = await s.UseCase<GetConsistencyAnalytics>().HandleAsync(s.Admin, Ct);
        Assert.Equal(2, report.Decisions);
        Assert.Equal((2, 2), report.Managers.Single(m => m.ReviewerId == s.Manager.PersonId) is var m ? (m.Decisions, m.SignOffs) : default);
        await using var check = s.Database.CreateDbContext();
        Assert.Null((await check.ReviewDecisions.OrderByDescending(d => d.Id).FirstAsync(d => d.ChecklistItemId == ids[1], Ct)).UndoesDecisionId);
    }

    /// <summary>Signs the item off (unless it already is) and has its engineer reword its evidence, so the sign-off needs re-confirming.</summary>
    private static async Task ReconfirmationNeededAsync(Scenario s, int itemId, bool signOffFirst = true)
    {
        if (signOffFirst)
        {
            await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        }

        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Ml, false, Ct));
        await s.UseCase<EditEvidence>().HandleAsync(s.Ml,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails($"Reworded {evidence.Version}", evidence.WorkDate, null), evidence.Url), Ct);
        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
    }

    /// <summary>Two of Edda's items and one of Ml's, submitted.</summary>
    private static async Task<List<int>> SubmittedAsync(Scenario s)
    {
        var ids = new List<int>();
        foreach (var (engineer, statement) in new[] { (s.Edge, Statements[0]), (s.Edge, Statements[1]), (s.Ml, Statements[2]) })
        {
            var (itemId, _) = await s.ItemWithEvidenceAsync(engineer, await s.StatementAsync(statement));
            await s.UseCase<SubmitItems>().HandleAsync(engineer, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
            ids.Add(itemId);
        }

        return ids;
    }

    /// <summary>Every entry of the manager's queue, as the queue shows it.</summary>
    private static async Task<DecideItemsRequest> FromQueueAsync(Scenario s, DecisionKind kind, string? comment)
    {
        var queue = await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct);
        Assert.All(queue.Entries, e => Assert.Equal(s.Seen(e.ItemId), e.EvidenceFingerprint));
        return new DecideItemsRequest(kind, comment, queue.Entries.Select(ItemAsSeen.Of).ToList());
    }
}
