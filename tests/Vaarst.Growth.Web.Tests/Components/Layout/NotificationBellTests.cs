using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Components.Layout;
using Vaarst.Growth.Web.Tests.Features;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Components.Layout;

public sealed class NotificationBellTests : BunitContext
{
    [Fact]
    public async Task Bell_shows_the_unread_count_and_mark_all_as_read_clears_it()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);
        var summary = await host.UseCase<GetNavigationSummary>().HandleAsync(host.Manager, Xunit.TestContext.Current.CancellationToken);

        var cut = Render<NotificationBell>(p => p.Add(x => x.Actor, host.Manager).Add(x => x.Unread, summary.UnreadNotifications));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".mud-badge").TextContent.Trim()));
        Assert.Equal("Notifications, 2 unread", cut.Find("button").GetAttribute("aria-label"));

        await OpenAsync(cut);
        var items = cut.WaitForElements("[data-testid=notification]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Max Ml submitted", items[0].TextContent);
        cut.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Mark all as read")).Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-badge")));
        Assert.Equal("Notifications, 0 unread", cut.Find("button").GetAttribute("aria-label"));
        await using var db = host.CreateDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.RecipientId == host.Manager.PersonId && n.ReadAtUtc == null, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bell_without_notifications_has_no_badge_and_explains_what_will_appear()
    {
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);

        var summary = await host.UseCase<GetNavigationSummary>().HandleAsync(host.Edge, Xunit.TestContext.Current.CancellationToken);
        var cut = Render<NotificationBell>(p => p.Add(x => x.Actor, host.Edge).Add(x => x.Unread, summary.UnreadNotifications));
        await OpenAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("No notifications yet", cut.Markup));
        Assert.Empty(cut.FindAll(".mud-badge"));
    }

    private static Task OpenAsync(IRenderedComponent<NotificationBell> bell) => bell.Find("button").ClickAsync(new());
}
