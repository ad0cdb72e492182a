using Microsoft.Extensions.Time.Testing;
using Vaarst.Growth.Web.Hosting;
using Vaarst.Growth.Web.Tests.Features;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>Issue 19, 4: one formatting helper shows every instant in the person's zone, every date in one format.</summary>
public sealed class PersonTimeTests
{
    // 23:30 UTC on 1 December: still the 1st in London, already the 2nd in Tokyo.
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/London", "1 Dec 2026 23:30", "1 Dec 2026")]
    [InlineData("Asia/Tokyo", "2 Dec 2026 08:30", "2 Dec 2026")]
    public void Instants_are_shown_in_the_persons_zone(string zone, string dateTime, string today)
    {
        var time = new PersonTime(new FakeTimeProvider(LateEvening));

        time.Use(zone);

        Assert.Equal(dateTime, time.DateTime(LateEvening.UtcDateTime));
        Assert.Equal(today, time.Date(LateEvening.UtcDateTime));
        Assert.Equal(today, time.Date(time.Today));
    }

    [Fact]
    public void Summer_time_is_applied_for_the_instant_not_for_today()
    {
        var time = new PersonTime(new FakeTimeProvider(LateEvening));
        time.Use("Europe/London");

        Assert.Equal("1 Jul 2026 13:00", time.DateTime(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Until_the_zone_is_known_times_are_utc_and_calendar_dates_never_move()
    {
        var time = new PersonTime(new FakeTimeProvider(LateEvening));
        Assert.Equal("1 Dec 2026 23:30", time.DateTime(LateEvening.UtcDateTime));

        time.Use("Not/AZone");

        Assert.False(time.IsKnown);
        Assert.Equal("15 Dec 2026", time.Date(new DateOnly(2026, 12, 15)));
        time.Use("Pacific/Kiritimati");
        Assert.Equal("15 Dec 2026", time.Date(new DateOnly(2026, 12, 15)));
    }
}
