using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Review;

namespace Vaarst.Growth.Web.Tests.Features.Review;

public sealed class ChecklistFilterTests
{
    private static ChecklistRow Row(ChecklistStatus status = ChecklistStatus.Draft, SelfRating rating = SelfRating.Practising, int evidence = 1,
        int? itemId = 7, string? reason = null) =>
        new(1, "I can do it.", itemId, 1, rating, reason, status, evidence, null, null, null, null);

    [Fact]
    public void ChecklistFilter_default_shows_every_row_and_area_and_is_not_active()
    {
        var filter = new ChecklistFilter();

        Assert.False(filter.IsActive);
        Assert.True(filter.Shows(Row(ChecklistStatus.SignedOff, evidence: 0)));
        Assert.True(filter.Shows(new ChecklistArea(3, "Edge Computing", "edge-computing", true, [])));
    }

    [Theory]
    [InlineData(ChecklistStatus.Submitted, ChecklistStatus.Submitted, true)]
    [InlineData(ChecklistStatus.Submitted, ChecklistStatus.Draft, false)]
    [InlineData(ChecklistStatus.NeedsReconfirmation, ChecklistStatus.SignedOff, false)]
    public void ChecklistFilter_status_shows_only_rows_with_that_status(ChecklistStatus wanted, ChecklistStatus actual, bool shown)
    {
        var filter = new ChecklistFilter(Status: wanted);

        Assert.True(filter.IsActive);
        Assert.Equal(shown, filter.Shows(Row(actual)));
    }

    [Fact]
    public void ChecklistFilter_without_evidence_hides_rows_that_have_evidence()
    {
        var filter = new ChecklistFilter(WithoutEvidenceOnly: true);

        Assert.True(filter.IsActive);
        Assert.True(filter.Shows(Row(evidence: 0)));
        Assert.False(filter.Shows(Row(evidence: 2)));
    }

    [Fact]
    public void ChecklistFilter_status_and_without_evidence_must_both_hold()
    {
        var filter = new ChecklistFilter(Status: ChecklistStatus.Draft, WithoutEvidenceOnly: true);

        Assert.True(filter.Shows(Row(ChecklistStatus.Draft, evidence: 0)));
        Assert.False(filter.Shows(Row(ChecklistStatus.Draft, evidence: 1)));
        Assert.False(filter.Shows(Row(ChecklistStatus.Submitted, evidence: 0)));
    }

    [Fact]
    public void ChecklistFilter_area_shows_only_that_area()
    {
        var filter = new ChecklistFilter(AreaId: 3);

        Assert.True(filter.IsActive);
        Assert.True(filter.Shows(new ChecklistArea(3, "Edge Computing", "edge-computing", true, [])));
        Assert.False(filter.Shows(new ChecklistArea(4, "ML Ops", "ml-ops", true, [])));
    }

    [Theory]
    [InlineData(ChecklistStatus.Draft, SelfRating.Practising, 1, null, true)]
    [InlineData(ChecklistStatus.ChangesRequested, SelfRating.Confident, 1, null, true)]
    [InlineData(ChecklistStatus.Draft, SelfRating.Practising, 0, null, false)]
    [InlineData(ChecklistStatus.Draft, SelfRating.NotStarted, 1, null, false)]
    [InlineData(ChecklistStatus.Draft, SelfRating.NotApplicable, 0, "My team has no edge devices", true)]
    [InlineData(ChecklistStatus.Draft, SelfRating.NotApplicable, 0, " ", false)]
    [InlineData(ChecklistStatus.Submitted, SelfRating.Practising, 1, null, false)]
    [InlineData(ChecklistStatus.SignedOff, SelfRating.Practising, 1, null, false)]
    [InlineData(ChecklistStatus.NeedsReconfirmation, SelfRating.Practising, 1, null, false)]
    public void ChecklistFilter_can_submit_drafts_and_changes_requested_with_evidence_or_a_reasoned_not_applicable(
        ChecklistStatus status, SelfRating rating, int evidence, string? reason, bool expected) =>
        Assert.Equal(expected, ChecklistFilter.CanSubmit(Row(status, rating, evidence, reason: reason)));

    [Fact]
    public void ChecklistFilter_cannot_submit_a_statement_without_an_item() =>
        Assert.False(ChecklistFilter.CanSubmit(Row(itemId: null)));
}
