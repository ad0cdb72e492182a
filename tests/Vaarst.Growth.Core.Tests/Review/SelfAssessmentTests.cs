using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Review;

public sealed class SelfAssessmentTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private const string Research = "I can implement algorithms or methods from academic research.";
    private const string MlOps = "I use technologies for code, data and model versioning";

    [Fact]
    public async Task GetChecklist_edge_engineer_sees_all_and_edge_sections_only()
    {
        await using var s = await CreateAsync();

        var edge = await s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(), Ct);
        var ml = await s.UseCase<GetChecklist>().HandleAsync(s.Ml, new GetChecklistRequest(), Ct);

        Assert.Equal(["All", "Edge ML Engineer"], edge.Sections.Select(x => x.Name));
        Assert.Equal(["All", "ML Engineer"], ml.Sections.Select(x => x.Name));
        Assert.Equal(13, edge.Rows.Count());
        Assert.Equal(10, ml.Rows.Count());
        Assert.DoesNotContain(ml.Rows, r => r.Text.StartsWith(Benchmarking));
        Assert.DoesNotContain(edge.Rows, r => r.Text == Research);
        Assert.Equal(["Architecture Design", "Technical Strategy"], edge.Sections[0].Areas.Where(a => !a.IsDefined).Select(a => a.Name));
        Assert.All(edge.Sections[0].Areas.Where(a => !a.IsDefined), a => Assert.Empty(a.Rows));
        Assert.Equal(4, edge.Level!.Number);
    }

    [Fact]
    public async Task GetChecklist_level_not_imported_returns_no_level_and_the_available_ones()
    {
        await using var s = await CreateAsync();

        var view = await s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(5), Ct);

        Assert.Null(view.Level);
        Assert.Equal([4], view.AvailableLevels.Select(l => l.Number));
    }

    [Fact]
    public async Task GetChecklist_by_a_non_engineer_is_refused()
    {
        await using var s = await CreateAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<GetChecklist>().HandleAsync(s.Manager, new GetChecklistRequest(), Ct));
    }

    [Fact]
    public async Task RateStatement_first_rating_creates_the_item_and_an_audit_event()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(MlOps);

        var saved = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Confident, null, null), Ct);

        var item = await s.ItemAsync(saved.ItemId);
        Assert.Equal((SelfRating.Confident, ItemStatus.Draft, s.Edge.PersonId!.Value), (item.Rating, item.Status, item.PersonId));
        await using var db = s.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.RatingChanged, Ct);
        Assert.Equal(saved.ItemId.ToString(), audit.SubjectId);
        Assert.Contains("Confident", audit.After);
    }

    [Fact]
    public async Task RateStatement_not_applicable_needs_a_reason()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(MlOps);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.NotApplicable, "   ", null), Ct));
        Assert.Contains("does not apply", ex.Message);
        Assert.Equal(0, await s.CountAsync<ChecklistItem>());

        var saved = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.NotApplicable, " my team has no edge devices ", null), Ct);
        Assert.Equal("my team has no edge devices", (await s.ItemAsync(saved.ItemId)).NotApplicableReason);
    }

    [Fact]
    public async Task RateStatement_with_a_stale_version_is_a_conflict_and_keeps_the_stored_rating()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(MlOps);
        var first = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Learning, null, null), Ct);
        await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Practising, null, first.Version), Ct);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Confident, null, first.Version), Ct));

        Assert.Contains("changed since you opened it", ex.Message);
        Assert.Equal(SelfRating.Practising, (await s.ItemAsync(first.ItemId)).Rating);
    }

    [Fact]
    public async Task RateStatement_from_two_tabs_at_once_saves_exactly_one()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(MlOps);
        var first = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, SelfRating.Learning, null, null), Ct);

        var attempts = await Task.WhenAll(new[] { SelfRating.Practising, SelfRating.Confident }.Select(async rating =>
        {
            try
            {
                await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(statement, rating, null, first.Version), Ct);
                return (rating, ok: true);
            }
            catch (ConflictException)
            {
                return (rating, ok: false);
            }
        }));

        var winner = Assert.Single(attempts, a => a.ok);
        Assert.Equal(winner.rating, (await s.ItemAsync(first.ItemId)).Rating);
    }

    [Fact]
    public async Task RateStatement_of_another_specialism_is_not_found()
    {
        await using var s = await CreateAsync();
        var research = await s.StatementAsync(Research);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(research, SelfRating.Confident, null, null), Ct));
        Assert.Equal(0, await s.CountAsync<ChecklistItem>());
    }

    [Fact]
    public async Task SubmitItems_without_evidence_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        var saved = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(await s.StatementAsync(MlOps), SelfRating.Confident, null, null), Ct);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(saved.ItemId, saved.Version)]), Ct));

        Assert.Contains("needs at least one piece of evidence", ex.Message);
        Assert.Equal(ItemStatus.Draft, (await s.ItemAsync(saved.ItemId)).Status);
    }

    [Fact]
    public async Task SubmitItems_several_with_evidence_or_reasoned_not_applicable_all_become_submitted()
    {
        await using var s = await CreateAsync();
        var (withEvidence, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        var na = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(await s.StatementAsync(MlOps), SelfRating.NotApplicable, "no ML Ops here", null), Ct);
        var first = await s.ItemAsync(withEvidence);

        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(withEvidence, first.Version), new ItemRef(na.ItemId, na.Version)]), Ct);

        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(withEvidence)).Status);
        Assert.Equal(ItemStatus.Submitted, (await s.ItemAsync(na.ItemId)).Status);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ItemSubmitted, Ct));
    }

    [Fact]
    public async Task SubmitItems_is_all_or_nothing()
    {
        await using var s = await CreateAsync();
        var (good, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        var bad = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(await s.StatementAsync(MlOps), SelfRating.Confident, null, null), Ct);
        var goodItem = await s.ItemAsync(good);

        await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(good, goodItem.Version), new ItemRef(bad.ItemId, bad.Version)]), Ct));

        Assert.Equal(ItemStatus.Draft, (await s.ItemAsync(good)).Status);
    }

    [Fact]
    public async Task SubmitItems_with_another_engineers_item_is_refused()
    {
        await using var s = await CreateAsync();
        var (theirs, _) = await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync(Research));
        var item = await s.ItemAsync(theirs);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(theirs, item.Version)]), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(theirs, item.Version), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<GetItem>().HandleAsync(s.Edge, theirs, Ct));
        Assert.Equal(ItemStatus.Draft, (await s.ItemAsync(theirs)).Status);
    }

    [Fact]
    public async Task WithdrawSubmission_returns_a_submitted_item_to_draft_and_refuses_others()
    {
        await using var s = await CreateAsync();
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.Submitted);
        var submitted = await s.ItemAsync(itemId);

        await s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(itemId, submitted.Version), Ct);

        var withdrawn = await s.ItemAsync(itemId);
        Assert.Equal(ItemStatus.Draft, withdrawn.Status);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<WithdrawSubmission>().HandleAsync(s.Edge, new ItemRef(itemId, withdrawn.Version), Ct));
    }

    [Fact]
    public async Task Changes_requested_item_can_be_revised_and_resubmitted_and_its_history_shows_it()
    {
        await using var s = await CreateAsync();
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.ChangesRequested);
        var item = await s.ItemAsync(itemId);
        var rated = await s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(item.StatementId, SelfRating.Confident, null, item.Version), Ct);

        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, rated.Version)]), Ct);

        var view = await s.UseCase<GetItem>().HandleAsync(s.Edge, itemId, Ct);
        Assert.Equal(ChecklistStatus.Submitted, view.Status);
        Assert.Equal([AuditEventTypes.RatingChanged, AuditEventTypes.EvidenceAttached, AuditEventTypes.RatingChanged, AuditEventTypes.ItemSubmitted],
            view.History.Select(h => h.Type));
        Assert.Single(view.Evidence);
    }

    [Fact]
    public async Task RateStatement_while_submitted_is_refused()
    {
        await using var s = await CreateAsync();
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.Submitted);
        var item = await s.ItemAsync(itemId);

        await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<RateStatement>().HandleAsync(s.Edge, new RateStatementRequest(item.StatementId, SelfRating.Confident, null, item.Version), Ct));
    }
}
