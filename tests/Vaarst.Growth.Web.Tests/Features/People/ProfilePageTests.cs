using Bunit;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Features.People;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Features.People;

public sealed class ProfilePageTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_shows_the_persons_zone_and_the_time_there()
    {
        await using var host = await CreateAsync();
        await host.UseCase<SetTimeZone>().HandleAsync(host.Edge, "Asia/Tokyo", false, Ct);
        host.AddTo(this, host.Edge);

        var cut = Render<ProfilePage>();

        // The test clock says 09:00 UTC: 18:00 in Tokyo.
        cut.WaitForAssertion(() => Assert.Contains("27 Nov 2026 18:00", cut.Markup));
        Assert.Equal("Asia/Tokyo", cut.Find("input[data-testid=profile-time-zone]").GetAttribute("value"));
    }

    [Fact]
    public async Task Profile_dark_mode_switch_is_remembered()
    {
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);
        var cut = Render<ProfilePage>();

        cut.WaitForElement("input[data-testid=profile-dark-mode]").Change(true);

        cut.WaitForAssertion(() => Assert.True(host.UseCase<GetPreferences>().HandleAsync(host.Edge, Ct).Result.DarkMode));
        Assert.False((await host.UseCase<GetPreferences>().HandleAsync(host.Ml, Ct)).DarkMode);
    }

    [Fact]
    public async Task Profile_lists_each_kind_of_notification_with_its_default_and_remembers_a_choice()
    {
        await using var host = await CreateAsync();
        host.AddTo(this, host.Edge);
        var cut = Render<ProfilePage>();

        var submitted = cut.WaitForElement("select[data-testid=notify-item-submitted]");
        Assert.Equal(nameof(NotificationDelivery.Immediately), submitted.GetAttribute("value"));
        Assert.Contains("E-mail me at once (default)", submitted.InnerHtml);
        Assert.Equal(nameof(NotificationDelivery.DailyDigest), cut.Find("select[data-testid=notify-calibration-outcome]").GetAttribute("value"));
        Assert.Equal("Your items signed off", cut.Find("label[for=notify-item-signed-off]").TextContent);

        cut.Find("select[data-testid=notify-item-signed-off]").Change(nameof(NotificationDelivery.InAppOnly));

        cut.WaitForAssertion(() => Assert.Equal(NotificationDelivery.InAppOnly,
            host.UseCase<GetNotificationPreferences>().HandleAsync(host.Edge, Ct).Result.Single(c => c.Kind == NotificationKinds.ItemSignedOff).Delivery));
        Assert.Equal(NotificationDelivery.Immediately,
            (await host.UseCase<GetNotificationPreferences>().HandleAsync(host.Ml, Ct)).Single(c => c.Kind == NotificationKinds.ItemSignedOff).Delivery);
    }
}
