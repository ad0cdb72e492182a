using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People;

public sealed class TimeZoneTests
{
    [Fact]
    public async Task SetTimeZone_stores_a_known_zone_per_person()
    {
        await using var s = await CreateAsync();

        await s.UseCase<SetTimeZone>().HandleAsync(s.Edge, "Asia/Tokyo", false, Ct);

        Assert.Equal("Asia/Tokyo", (await s.UseCase<GetPreferences>().HandleAsync(s.Edge, Ct)).TimeZone);
        Assert.Null((await s.UseCase<GetPreferences>().HandleAsync(s.Ml, Ct)).TimeZone);
    }

    [Fact]
    public async Task SetTimeZone_from_the_browser_never_overrides_a_chosen_zone()
    {
        await using var s = await CreateAsync();
        await s.UseCase<SetTimeZone>().HandleAsync(s.Edge, "Europe/London", false, Ct);

        await s.UseCase<SetTimeZone>().HandleAsync(s.Edge, "America/New_York", true, Ct);
        await s.UseCase<SetTimeZone>().HandleAsync(s.Ml, "America/New_York", true, Ct);

        Assert.Equal("Europe/London", (await s.UseCase<GetPreferences>().HandleAsync(s.Edge, Ct)).TimeZone);
        Assert.Equal("America/New_York", (await s.UseCase<GetPreferences>().HandleAsync(s.Ml, Ct)).TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Europe/London'; DROP TABLE People; --")]
    public async Task SetTimeZone_refuses_an_unknown_zone_and_changes_nothing(string zone)
    {
        await using var s = await CreateAsync();
        await s.UseCase<SetTimeZone>().HandleAsync(s.Edge, "Europe/London", false, Ct);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<SetTimeZone>().HandleAsync(s.Edge, zone, false, Ct));

        Assert.Contains("is not a time zone this server knows", ex.Message);
        Assert.Equal("Europe/London", (await s.UseCase<GetPreferences>().HandleAsync(s.Edge, Ct)).TimeZone);
    }

    [Fact]
    public void TimeZones_lists_iana_zones_each_of_which_is_found()
    {
        Assert.Contains("Europe/London", TimeZones.All);
        Assert.Contains("Asia/Tokyo", TimeZones.All);
        Assert.All(TimeZones.All, id => Assert.NotNull(TimeZones.Find(id)));
    }
}
