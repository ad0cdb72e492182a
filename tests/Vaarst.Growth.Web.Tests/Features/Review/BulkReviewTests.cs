using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Review;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Features.Review;

/// <summary>Bulk review on the queue page (#18 item 1): selection, the confirmation, the outcome and its Undo; the "Just decided" list with an Undo per item.</summary>
public sealed class BulkReviewTests : BunitContext
{
    [Fact]
    public async Task Select_all_shown_confirm_lists_each_item_with_its_evidence_then_signs_them_off_and_undo_puts_them_back()
    {
        await using var host = await CreateAsync();
        var (edge, ml, dialogs, snackbars, cut) = await QueueOfTwoAsync(host);
        cut.WaitForElement($"[data-testid=select-{edge}]");
        Assert.True(cut.Find("[data-testid=bulk-sign-off]").HasAttribute("disabled"));

        cut.Find("[data-testid=select-all]").Change(true);

        Assert.Contains("2 selected", cut.Find("[data-testid=selected-count]").TextContent);
        Assert.True(cut.Find($"[data-testid=select-{ml}]").HasAttribute("checked"));
        cut.Find("[data-testid=bulk-sign-off]").Click();
        dialogs.WaitForElement("[data-testid=bulk-items]");
        Assert.Equal([$"bulk-item-{edge}", $"bulk-item-{ml}"], dialogs.FindAll("[data-testid^=bulk-item-]").Select(e => e.GetAttribute("data-testid")));
        Assert.Contains("Eda Edge", dialogs.Find($"[data-testid=bulk-item-{edge}]").TextContent);
        Assert.All(dialogs.FindAll("[data-testid^=bulk-item-]"), e => Assert.Contains("(1 evidence)", e.TextContent));
        dialogs.Find("[data-testid=bulk-confirm]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Signed off 2 of 2 items.", snackbars.Find("[data-testid=bulk-outcome]").TextContent));
        Assert.All(await StatusesAsync(host, edge, ml), s => Assert.Equal(ItemStatus.SignedOff, s));
        cut.WaitForAssertion(() => Assert.Contains("Nothing waits for your review", cut.Markup));

        snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=queue-]").Count));
        Assert.All(await StatusesAsync(host, edge, ml), s => Assert.Equal(ItemStatus.Submitted, s));
    }

    [Fact]
    public async Task Request_changes_needs_the_comment_and_an_item_changed_since_loading_is_left_out_and_listed()
    {
        await using var host = await CreateAsync();
        var (edge, ml, dialogs, snackbars, cut) = await QueueOfTwoAsync(host);
        cut.WaitForElement($"[data-testid=select-{edge}]").Change(true);
        cut.Find($"[data-testid=select-{ml}]").Change(true);
        cut.Find($"[data-testid=select-{ml}]").Change(false);
        cut.Find($"[data-testid=select-{ml}]").Change(true);
        Assert.Contains("2 selected", cut.Find("[data-testid=selected-count]").TextContent);
        await host.UseCase<WithdrawSubmission>().HandleAsync(host.Ml, new ItemRef(ml, await host.VersionAsync(ml)), Xunit.TestContext.Current.CancellationToken);

        cut.Find("[data-testid=bulk-request-changes]").Click();
        dialogs.WaitForElement("[data-testid=bulk-items]");
        Assert.True(dialogs.Find("[data-testid=bulk-confirm]").HasAttribute("disabled"));
        dialogs.Find("textarea[data-testid=bulk-comment]").Input("Link the results");
        dialogs.Find("[data-testid=bulk-confirm]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Requested changes on 1 of 2 items.", snackbars.Find("[data-testid=bulk-outcome]").TextContent));
        Assert.Contains("changed since you opened it", snackbars.Find($"[data-testid=left-out-{ml}]").TextContent);
        Assert.Equal([ItemStatus.ChangesRequested, ItemStatus.Draft], await StatusesAsync(host, edge, ml));
        Assert.Equal("Link the results", Assert.Single(await host.DecisionsAsync(edge)).Comment);
    }

    [Fact]
    public async Task Just_decided_lists_each_decision_of_a_batch_with_its_own_undo_until_its_minute_is_over()
    {
        await using var host = await CreateAsync();
        var (edge, ml, dialogs, snackbars, cut) = await QueueOfTwoAsync(host);
        Assert.Empty(cut.FindAll("[data-testid=just-decided]"));
        cut.WaitForElement("[data-testid=select-all]").Change(true);
        cut.Find("[data-testid=bulk-sign-off]").Click();
        dialogs.WaitForElement("[data-testid=bulk-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal([$"just-decided-{ml}", $"just-decided-{edge}"],
            cut.FindAll("[data-testid^=just-decided-]").Select(e => e.GetAttribute("data-testid"))));
        Assert.Contains("Signed off", cut.Find($"[data-testid=just-decided-{edge}]").TextContent);
        Assert.Contains("Eda Edge", cut.Find($"[data-testid=just-decided-{edge}]").TextContent);

        cut.Find($"[data-testid=undo-{edge}]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^=queue-]")));
        Assert.NotNull(cut.Find($"[data-testid=queue-{edge}]"));
        Assert.Equal([ItemStatus.Submitted, ItemStatus.SignedOff], await StatusesAsync(host, edge, ml));
        Assert.Equal([$"just-decided-{ml}"], cut.FindAll("[data-testid^=just-decided-]").Select(e => e.GetAttribute("data-testid")));
        snackbars.WaitForAssertion(() => Assert.Contains("Undid the decision on Eda Edge's item", snackbars.Markup));

        // When the minute is over the Undo goes: the use case would refuse it by then.
        host.Clock.Advance(UndoDecision.Window);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=just-decided]")));
        Assert.Equal([ItemStatus.Submitted, ItemStatus.SignedOff], await StatusesAsync(host, edge, ml));
    }

    [Fact]
    public async Task A_decision_taken_on_the_item_page_is_listed_on_the_queue_with_an_undo()
    {
        await using var host = await CreateAsync();
        var edge = await host.SubmittedAsync(host.Edge, Benchmarking);
        var ml = await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);
        Render<MudSnackbarProvider>();
        var item = Render<ReviewItemPage>(p => p.Add(x => x.ItemId, ml));
        item.WaitForElement("textarea[data-testid=decision-comment]").Input("Add the results run");
        item.Find("[data-testid=decide-request-changes]").Click();
        item.WaitForAssertion(() => Assert.EndsWith("/reviews", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));

        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement($"[data-testid=just-decided-{ml}]");
        Assert.Contains("Changes requested", cut.Find($"[data-testid=just-decided-{ml}]").TextContent);
        cut.Find($"[data-testid=undo-{ml}]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=queue-]").Count));
        Assert.Equal([ItemStatus.Submitted, ItemStatus.Submitted], await StatusesAsync(host, edge, ml));
        Assert.Empty(cut.FindAll("[data-testid=just-decided]"));
    }

    [Fact]
    public async Task A_re_confirmation_can_be_selected_and_the_confirmation_lists_it_apart_from_the_sign_offs()
    {
        await using var host = await CreateAsync();
        var (edge, ml) = await SubmittedAndReconfirmAsync(host);
        host.AddTo(this, host.Manager);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement("[data-testid=select-all]").Change(true);
        Assert.Contains("2 selected", cut.Find("[data-testid=selected-count]").TextContent);
        Assert.Contains("Sign off / re-confirm selected", cut.Find("[data-testid=bulk-sign-off]").TextContent);
        cut.Find("[data-testid=bulk-sign-off]").Click();

        dialogs.WaitForElement("[data-testid=bulk-reconfirm-items]");
        Assert.Contains("Sign off 1 and re-confirm 1 item", dialogs.Markup);
        Assert.NotNull(dialogs.Find($"[data-testid=bulk-items] [data-testid=bulk-item-{edge}]"));
        Assert.NotNull(dialogs.Find($"[data-testid=bulk-reconfirm-items] [data-testid=bulk-item-{ml}]"));
        dialogs.Find("[data-testid=bulk-confirm]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Signed off 1 and re-confirmed 1 of 2 items.", snackbars.Find("[data-testid=bulk-outcome]").TextContent));
        await using (var db = host.CreateDbContext())
        {
            var reconfirmed = db.ChecklistItems.Single(i => i.Id == ml);
            Assert.Equal((ItemStatus.SignedOff, false), (reconfirmed.Status, reconfirmed.NeedsReconfirmation));
            Assert.Equal(ItemStatus.SignedOff, db.ChecklistItems.Single(i => i.Id == edge).Status);
        }

        Assert.Equal(DecisionKind.Reconfirm, (await host.DecisionsAsync(ml)).Last().Kind);
        // Only the sign-off can be undone; a re-confirmation cannot.
        cut.WaitForAssertion(() => Assert.Equal([$"just-decided-{edge}"], cut.FindAll("[data-testid^=just-decided-]").Select(e => e.GetAttribute("data-testid"))));
    }

    [Fact]
    public async Task A_request_for_changes_leaves_the_selected_re_confirmations_out_and_says_so()
    {
        await using var host = await CreateAsync();
        var (edge, ml) = await SubmittedAndReconfirmAsync(host);
        host.AddTo(this, host.Manager);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<ReviewQueuePage>();
        cut.WaitForElement($"[data-testid=select-{ml}]").Change(true);
        Assert.True(cut.Find("[data-testid=bulk-request-changes]").HasAttribute("disabled"));
        cut.Find($"[data-testid=select-{edge}]").Change(true);

        cut.Find("[data-testid=bulk-request-changes]").Click();

        dialogs.WaitForElement("[data-testid=bulk-left-aside]");
        Assert.Equal([$"bulk-item-{edge}"], dialogs.FindAll("[data-testid^=bulk-item-]").Select(e => e.GetAttribute("data-testid")));
        dialogs.Find("textarea[data-testid=bulk-comment]").Input("Link the results");
        dialogs.Find("[data-testid=bulk-confirm]").Click();
        snackbars.WaitForAssertion(() => Assert.Contains("Requested changes on 1 of 1 item.", snackbars.Find("[data-testid=bulk-outcome]").TextContent));
        await using var db = host.CreateDbContext();
        Assert.True(db.ChecklistItems.Single(i => i.Id == ml).NeedsReconfirmation);
        Assert.Equal(ItemStatus.ChangesRequested, db.ChecklistItems.Single(i => i.Id == edge).Status);
    }

    /// <summary>Eda's item submitted; Max's signed off and then flagged for re-confirmation (as an evidence edit would).</summary>
    private static async Task<(int Edge, int Ml)> SubmittedAndReconfirmAsync(ReviewTestHost host)
    {
        var edge = await host.SubmittedAsync(host.Edge, Benchmarking);
        var ml = await host.SubmittedAsync(host.Ml, Algorithms);
        var seen = (await host.UseCase<GetReviewQueue>().HandleAsync(host.Manager, new GetReviewQueueRequest())).Entries.Single(e => e.ItemId == ml);
        await host.UseCase<SignOffItem>().HandleAsync(host.Manager, new DecisionRequest(ml, seen.Version, null, seen.EvidenceFingerprint));
        await using var db = host.CreateDbContext();
        var item = db.ChecklistItems.Single(i => i.Id == ml);
        item.NeedsReconfirmation = true;
        item.ReconfirmationReason = "The evidence changed after the sign-off.";
        await db.SaveChangesAsync();
        return (edge, ml);
    }

    /// <summary>Eda's and Max's submitted items, and the manager's queue page with its dialog and snackbar providers.</summary>
    private async Task<(int Edge, int Ml, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars, IRenderedComponent<ReviewQueuePage> Cut)> QueueOfTwoAsync(ReviewTestHost host)
    {
        var edge = await host.SubmittedAsync(host.Edge, Benchmarking);
        var ml = await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);
        return (edge, ml, Render<MudDialogProvider>(), Render<MudSnackbarProvider>(), Render<ReviewQueuePage>());
    }

    private static async Task<List<ItemStatus>> StatusesAsync(ReviewTestHost host, params int[] ids)
    {
        await using var db = host.CreateDbContext();
        return ids.Select(id => db.ChecklistItems.Single(i => i.Id == id).Status).ToList();
    }
}
