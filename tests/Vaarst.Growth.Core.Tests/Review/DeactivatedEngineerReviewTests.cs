using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Review;

/// <summary>
/// A deactivated engineer's record is kept read-only (ReviewAuthority): their items leave every review queue and count,
/// and no review decision on them is recorded, whoever reviewed them before.
/// </summary>
public sealed class DeactivatedEngineerReviewTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private const string Parallel = "I can use the relevant Parallel Computing";
    private const string ReadOnly = "Eda Edge is no longer active; their record is kept read-only.";

    [Fact]
    public async Task A_deactivated_engineers_items_leave_the_queue_the_count_and_the_navigation_count()
    {
        await using var s = await CreateAsync();
        await SubmittedAsync(s, s.Edge, Benchmarking);
        var ml = await SubmittedAsync(s, s.Ml, "I can implement algorithms");

        await DeactivateAsync(s, s.Edge);

        Assert.Equal([ml], (await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries.Select(e => e.ItemId));
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(EngineerId: s.Edge.PersonId), Ct)).Entries);
        Assert.Equal(1, await s.UseCase<CountReviewQueue>().HandleAsync(s.Manager, Ct));
        Assert.Equal(1, (await s.UseCase<GetNavigationSummary>().HandleAsync(s.Manager, Ct)).ToReview);
    }

    [Fact]
    public async Task The_manager_still_reads_the_deactivated_engineers_item_but_may_not_review_it()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);

        await DeactivateAsync(s, s.Edge);

        var view = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal(itemId, view.Id);
        Assert.False(view.CanReview);
    }

    [Fact]
    public async Task SignOff_of_a_deactivated_engineers_item_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));

        Assert.Equal(ReadOnly, ex.Message);
        await AssertUnchangedAsync(s, itemId, item.Version);
    }

    [Fact]
    public async Task RequestChanges_on_a_deactivated_engineers_item_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "Link the run", s.Seen(itemId)), Ct));

        Assert.Equal(ReadOnly, ex.Message);
        await AssertUnchangedAsync(s, itemId, item.Version);
    }

    [Fact]
    public async Task Reconfirm_of_a_deactivated_engineers_item_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("Reworded", evidence.WorkDate, null), evidence.Url), Ct);
        var item = await s.ItemAsync(itemId);
        Assert.True(item.NeedsReconfirmation);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<ReconfirmItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, item.Version, "Still good", s.Seen(itemId)), Ct));

        Assert.Equal(ReadOnly, ex.Message);
        var after = await s.ItemAsync(itemId);
        Assert.Equal((item.Version, true), (after.Version, after.NeedsReconfirmation));
        Assert.Equal(1, await s.CountAsync<ReviewDecision>());
        Assert.Empty((await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries);
    }

    [Fact]
    public async Task A_bulk_decision_naming_a_deactivated_engineers_item_is_refused_and_decides_nothing()
    {
        await using var s = await CreateAsync();
        var edge = await SubmittedAsync(s, s.Edge, Benchmarking);
        var ml = await SubmittedAsync(s, s.Ml, "I can implement algorithms");
        var request = new DecideItemsRequest(DecisionKind.SignOff, null, [
            new ItemAsSeen(edge, (await s.ItemAsync(edge)).Version, s.Seen(edge)),
            new ItemAsSeen(ml, (await s.ItemAsync(ml)).Version, s.Seen(ml)),
        ]);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<DecideItems>().HandleAsync(s.Manager, request, Ct));

        Assert.Equal(ReadOnly, ex.Message);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(edge)).Status);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(ml)).Status);
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Undoing_a_decision_on_an_engineer_deactivated_since_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var decided = await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<UndoDecision>().HandleAsync(s.Manager, new UndoDecisionRequest(itemId, decided.Version, s.Seen(itemId)), Ct));

        Assert.Equal(ReadOnly, ex.Message);
        var after = await s.ItemAsync(itemId);
        Assert.Equal((ItemStatus.SignedOff, decided.Version), (after.Status, after.Version));
        Assert.Equal(1, await s.CountAsync<ReviewDecision>());
    }

    [Fact]
    public async Task Someone_who_never_reviewed_the_deactivated_engineer_is_told_only_that_they_may_not_review()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        var item = await s.ItemAsync(itemId);
        await DeactivateAsync(s, s.Edge);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            s.UseCase<SignOffItem>().HandleAsync(s.OtherManager, new DecisionRequest(itemId, item.Version, null, s.Seen(itemId)), Ct));

        Assert.DoesNotContain("no longer active", ex.Message);
        await AssertUnchangedAsync(s, itemId, item.Version);
    }

    [Fact]
    public async Task Once_reactivated_the_engineers_items_are_reviewable_again()
    {
        await using var s = await CreateAsync();
        var itemId = await SubmittedAsync(s, s.Edge, Benchmarking);
        await DeactivateAsync(s, s.Edge);
        await SetActiveAsync(s, s.Edge, true);

        Assert.Equal([itemId], (await s.UseCase<GetReviewQueue>().HandleAsync(s.Manager, new GetReviewQueueRequest(), Ct)).Entries.Select(e => e.ItemId));
        await s.UseCase<SignOffItem>().HandleAsync(s.Manager, new DecisionRequest(itemId, (await s.ItemAsync(itemId)).Version, null, s.Seen(itemId)), Ct);
        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(itemId)).Status);
    }

    [Fact]
    public async Task A_deactivated_candidate_stays_in_the_session_they_were_nominated_to_and_cannot_be_nominated_again()
    {
        await using var s = await CreateAsync();
        var today = DateOnly.FromDateTime(s.Database.Clock.GetUtcNow().UtcDateTime);
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, today.AddDays(7), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var nomination = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        var other = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4 again", 4, today.AddDays(14), [s.Panel2.PersonId!.Value, s.Panel3.PersonId!.Value], s.Panel3.PersonId!.Value), Ct);

        await DeactivateAsync(s, s.Edge);

        Assert.Equal([nomination], (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Select(c => c.NominationId));
        Assert.NotNull(await s.UseCase<GetCandidateDossier>().HandleAsync(s.Panel1, nomination, Ct));
        await Assert.ThrowsAnyAsync<UseCaseException>(() => s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(other, s.Edge.PersonId!.Value, "Again"), Ct));
        Assert.Empty((await s.UseCase<GetSession>().HandleAsync(s.Panel3, other, Ct)).Candidates);
    }

    private static async Task AssertUnchangedAsync(Scenario s, int itemId, int version)
    {
        var after = await s.ItemAsync(itemId);
        Assert.Equal((ItemStatus.Submitted, version), (after.Status, after.Version));
        Assert.Equal(0, await s.CountAsync<ReviewDecision>());
        await using var db = s.Database.CreateDbContext();
        string[] decisions = [AuditEventTypes.ItemSignedOff, AuditEventTypes.ChangesRequested, AuditEventTypes.SignOffRevoked, AuditEventTypes.ItemReconfirmed];
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => decisions.Contains(a.Type), Ct));
    }

    private static Task DeactivateAsync(Scenario s, Actor person) => SetActiveAsync(s, person, false);

    /// <summary>The administrator deactivates or reactivates the person through the directory editor.</summary>
    private static async Task SetActiveAsync(Scenario s, Actor person, bool active)
    {
        var edit = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, person.PersonId!.Value, Ct);
        await s.UseCase<UpdatePerson>().HandleAsync(s.Admin, new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism,
            edit.CurrentLevel, edit.TargetLevel, edit.Roles, active), Ct);
    }

    private static async Task<int> SubmittedAsync(Scenario s, Actor engineer, string statementPrefix)
    {
        var (itemId, _) = await s.ItemWithEvidenceAsync(engineer, await s.StatementAsync(statementPrefix));
        await s.UseCase<SubmitItems>().HandleAsync(engineer, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        return itemId;
    }
}
