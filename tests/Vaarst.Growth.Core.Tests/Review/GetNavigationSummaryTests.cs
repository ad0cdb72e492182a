using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Review;

public sealed class GetNavigationSummaryTests
{
    [Fact]
    public async Task GetNavigationSummary_says_what_the_use_cases_it_replaces_say()
    {
        await using var s = await CreateAsync();
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance"), ItemStatus.Submitted);
        await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync("I can implement algorithms"), ItemStatus.Submitted);
        await s.UseCase<SetDarkMode>().HandleAsync(s.Manager, true, Ct);
        await s.UseCase<SetTimeZone>().HandleAsync(s.Edge, "Asia/Tokyo", false, Ct);

        foreach (var actor in new[] { s.Manager, s.Edge, s.OtherManager })
        {
            var summary = await s.UseCase<GetNavigationSummary>().HandleAsync(actor, Ct);

            var inbox = await s.UseCase<GetNotifications>().HandleAsync(actor, 20, Ct);
            Assert.Equal(
                (await s.UseCase<GetDarkMode>().HandleAsync(actor, Ct), inbox.Unread, await s.UseCase<CountReviewQueue>().HandleAsync(actor, Ct),
                    (await s.UseCase<GetPreferences>().HandleAsync(actor, Ct)).TimeZone),
                (summary.PrefersDarkMode, summary.UnreadNotifications, summary.ToReview, summary.TimeZone));
        }

        var manager = await s.UseCase<GetNavigationSummary>().HandleAsync(s.Manager, Ct);
        Assert.Equal((true, 2, (string?)null), (manager.PrefersDarkMode, manager.ToReview, manager.TimeZone));
        Assert.Equal("Asia/Tokyo", (await s.UseCase<GetNavigationSummary>().HandleAsync(s.Edge, Ct)).TimeZone);
    }
}
