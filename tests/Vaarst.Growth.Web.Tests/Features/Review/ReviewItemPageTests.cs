using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Review;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Features.Review;

public sealed class ReviewItemPageTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ChecklistStatus.Submitted, "sign-off,request-changes")]
    [InlineData(ChecklistStatus.NeedsReconfirmation, "reconfirm,revoke")]
    [InlineData(ChecklistStatus.SignedOff, "revoke")]
    [InlineData(ChecklistStatus.Draft, "")]
    [InlineData(ChecklistStatus.ChangesRequested, "")]
    public void ActionsFor_offers_the_decisions_the_status_allows(ChecklistStatus status, string expected)
    {
        var actions = DecisionAction.For(status);

        Assert.Equal(expected, string.Join(",", actions.Select(a => a.Id)));
        Assert.All(actions.Where(a => a.Id is "request-changes" or "revoke"), a => Assert.True(a.CommentRequired));
        Assert.All(actions.Where(a => a.Id is "sign-off" or "reconfirm"), a => Assert.False(a.CommentRequired));
    }

    [Fact]
    public async Task Review_page_shows_the_decisions_for_a_submitted_item()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);

        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));

        cut.WaitForElement("[data-testid=decision-panel]");
        Assert.NotNull(cut.Find("[data-testid=decide-sign-off]"));
        Assert.NotNull(cut.Find("[data-testid=decide-request-changes]"));
        Assert.Empty(cut.FindAll("[data-testid=decide-revoke]"));
        Assert.Contains("Eda Edge", cut.Markup);
        Assert.Contains("A pull request", cut.Markup);
    }

    [Fact]
    public async Task Request_changes_without_a_comment_shows_the_error_and_records_nothing()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        var startedAt = navigation.Uri;

        cut.WaitForElement("[data-testid=decide-request-changes]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), s => (s.Message ?? "").Contains("Say what needs to change") && s.Severity == Severity.Error));
        Assert.Empty(await host.DecisionsAsync(itemId));
        Assert.Equal(startedAt, navigation.Uri);
        await using var db = host.CreateDbContext();
        Assert.Equal(ItemStatus.Submitted, db.ChecklistItems.Single(i => i.Id == itemId).Status);
    }

    [Fact]
    public async Task Request_changes_with_a_comment_records_the_decision_and_returns_to_the_queue()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));

        cut.WaitForElement("textarea[data-testid=decision-comment]").Input("Link the results run");
        cut.Find("[data-testid=decide-request-changes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/reviews", navigation.Uri));
        var decision = Assert.Single(await host.DecisionsAsync(itemId));
        Assert.Equal((DecisionKind.RequestChanges, host.Manager.PersonId, "Link the results run"), (decision.Kind, (int?)decision.ReviewerId, decision.Comment));
        await using var db = host.CreateDbContext();
        Assert.Equal(ItemStatus.ChangesRequested, db.ChecklistItems.Single(i => i.Id == itemId).Status);
        Assert.Contains(Snackbars(), s => s.Severity == Severity.Success);
    }

    [Fact]
    public async Task Sign_off_of_an_item_changed_after_the_page_opened_shows_the_conflict_and_records_nothing()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        var startedAt = navigation.Uri;
        cut.WaitForElement("[data-testid=decide-sign-off]");

        // The engineer withdraws and resubmits while the manager reads: same status, newer version.
        await host.UseCase<WithdrawSubmission>().HandleAsync(host.Edge, new ItemRef(itemId, await host.VersionAsync(itemId)), Ct);
        await host.UseCase<SubmitItems>().HandleAsync(host.Edge, new SubmitItemsRequest([new ItemRef(itemId, await host.VersionAsync(itemId))]), Ct);
        cut.Find("[data-testid=decide-sign-off]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), s => (s.Message ?? "").Contains("changed since you opened it") && s.Severity == Severity.Warning));
        Assert.Empty(await host.DecisionsAsync(itemId));
        Assert.Equal(startedAt, navigation.Uri);
        await using var db = host.CreateDbContext();
        Assert.Equal(ItemStatus.Submitted, db.ChecklistItems.Single(i => i.Id == itemId).Status);

        // The page reloaded the item, so a second try decides on what the engineer submitted last.
        cut.Find("[data-testid=decide-sign-off]").Click();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/reviews", navigation.Uri));
        Assert.Equal(DecisionKind.SignOff, Assert.Single(await host.DecisionsAsync(itemId)).Kind);
    }

    [Fact]
    public async Task Reconfirm_on_evidence_edited_after_the_page_opened_shows_the_conflict_and_records_nothing()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        var opened = await host.UseCase<GetItem>().HandleAsync(host.Manager, itemId, Ct);
        await host.UseCase<SignOffItem>().HandleAsync(host.Manager, new DecisionRequest(itemId, opened.Version, null, opened.EvidenceFingerprint), Ct);
        var evidence = Assert.Single(await host.UseCase<GetEvidenceLibrary>().HandleAsync(host.Edge, false, Ct));
        var version = await host.UseCase<EditEvidence>().HandleAsync(host.Edge,
            new EditEvidenceRequest(evidence.Id, evidence.Version, new EvidenceDetails("First rewrite", evidence.WorkDate, null), evidence.Url), Ct);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        cut.WaitForElement("[data-testid=decide-reconfirm]");
        var itemVersion = await host.VersionAsync(itemId);

        // The item is already flagged, so this edit leaves the item's version as the page has it; only the evidence changed.
        await host.UseCase<EditEvidence>().HandleAsync(host.Edge,
            new EditEvidenceRequest(evidence.Id, version, new EvidenceDetails("Second rewrite", evidence.WorkDate, null), "https://example.com/swapped"), Ct);
        Assert.Equal(itemVersion, await host.VersionAsync(itemId));
        cut.Find("[data-testid=decide-reconfirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), s => (s.Message ?? "").Contains("evidence of this item changed") && s.Severity == Severity.Warning));
        Assert.Single(await host.DecisionsAsync(itemId));
        await using var db = host.CreateDbContext();
        Assert.True(db.ChecklistItems.Single(i => i.Id == itemId).NeedsReconfirmation);
        cut.WaitForAssertion(() => Assert.Contains("Second rewrite", cut.Markup));
    }

    [Fact]
    public async Task Review_page_of_ones_own_item_takes_the_engineer_to_their_item_page()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Edge);
        var navigation = Services.GetRequiredService<NavigationManager>();

        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));

        cut.WaitForAssertion(() => Assert.Equal($"http://localhost/checklist/items/{itemId}", navigation.Uri));
        Assert.Empty(cut.FindAll("[data-testid=decision-panel]"));
    }

    [Fact]
    public async Task Sign_off_clicked_twice_decides_once_and_shows_one_outcome()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));

        cut.WaitForElement("[data-testid=decide-sign-off]").Click();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/reviews", navigation.Uri));
        // The second click of a double-click reaches the page after the first decision is done.
        await cut.Find("[data-testid=decide-sign-off]").ClickAsync(new());

        Assert.Equal(DecisionKind.SignOff, Assert.Single(await host.DecisionsAsync(itemId)).Kind);
        var outcome = Assert.Single(Snackbars());
        Assert.Equal(Severity.Success, outcome.Severity);
        Assert.True(cut.Find("[data-testid=decide-sign-off]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "27 Nov 2026 18:00")]
    [InlineData("America/New_York", "27 Nov 2026 04:00")]
    public async Task Review_page_shows_the_history_in_the_reviewers_time_zone(string zone, string shown)
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        await host.UseCase<Vaarst.Growth.Core.People.SetTimeZone>().HandleAsync(host.Manager, zone, false, Ct);
        host.AddTo(this, host.Manager);

        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));

        // Submitted at 09:00 UTC by the test clock.
        cut.WaitForAssertion(() => Assert.Contains(shown, cut.Markup));
        Assert.DoesNotContain("UTC", cut.Markup);
    }

    [Fact]
    public async Task Shortcut_s_signs_off_once_and_the_buttons_name_their_keys()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        Assert.Equal("S", cut.WaitForElement("[data-testid=decide-sign-off]").GetAttribute("aria-keyshortcuts"));
        Assert.Equal("C", cut.Find("[data-testid=decide-request-changes]").GetAttribute("aria-keyshortcuts"));
        Assert.Equal("Keyboard shortcuts", cut.Find("[data-testid=shortcuts-help]").GetAttribute("aria-label"));

        await cut.InvokeAsync(() => cut.Instance.OnShortcutAsync("s"));
        await cut.InvokeAsync(() => cut.Instance.OnShortcutAsync("s"));

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/reviews", navigation.Uri));
        Assert.Equal(DecisionKind.SignOff, Assert.Single(await host.DecisionsAsync(itemId)).Kind);
        Assert.Single(Snackbars());
    }

    [Fact]
    public async Task Shortcut_c_without_a_comment_asks_for_one_and_records_nothing()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        cut.WaitForElement("[data-testid=decide-request-changes]");

        await cut.InvokeAsync(() => cut.Instance.OnShortcutAsync("c"));

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), s => (s.Message ?? "").Contains("Say what needs to change")));
        Assert.Empty(await host.DecisionsAsync(itemId));
    }

    [Fact]
    public async Task Shortcut_n_opens_the_next_item_waiting_for_review()
    {
        await using var host = await CreateAsync();
        var first = await host.SubmittedAsync(host.Edge, Benchmarking);
        var second = await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, first));
        cut.WaitForElement("[data-testid=decide-sign-off]");

        await cut.InvokeAsync(() => cut.Instance.OnShortcutAsync("n"));

        Assert.Equal($"http://localhost/reviews/items/{second}", navigation.Uri);
    }

    [Fact]
    public async Task Shortcut_question_mark_lists_every_shortcut_in_a_dialog()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.Manager);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, itemId));
        cut.WaitForElement("[data-testid=decide-sign-off]");

        await cut.InvokeAsync(() => cut.Instance.OnShortcutAsync("?"));

        dialogs.WaitForElement("[data-testid=shortcuts-dialog]");
        Assert.Equal(["S", "C", "N", "?"], dialogs.FindAll("kbd").Select(k => k.TextContent));
        Assert.Contains("Sign off", dialogs.Markup);
    }

    private IEnumerable<Snackbar> Snackbars() => Services.GetRequiredService<ISnackbar>().ShownSnackbars;
}
