using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Home;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People;

public sealed class GetMyProfileTests
{
    [Fact]
    public async Task GetMyProfile_engineer_gets_a_checklist_summary_of_all_plus_specialism()
    {
        await using var s = await CreateAsync();
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance"), ItemStatus.SignedOff);
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I use technologies for code"), ItemStatus.Submitted);

        var profile = await s.UseCase<GetMyProfile>().HandleAsync(s.Edge, Ct);

        Assert.Equal("Mia Manager", profile.ManagerName);
        var checklist = Assert.IsType<ChecklistSummary>(profile.Checklist);
        Assert.Equal((4, "Mid", 13, 2, 1, 1, 2), (checklist.LevelNumber, checklist.LevelTitle, checklist.Applicable, checklist.Rated, checklist.Submitted, checklist.SignedOff, checklist.NotYetDefinedAreas));
    }

    [Fact]
    public async Task GetMyProfile_manager_has_reports_and_no_checklist()
    {
        await using var s = await CreateAsync();

        var profile = await s.UseCase<GetMyProfile>().HandleAsync(s.Manager, Ct);

        Assert.Equal(2, profile.DirectReports);
        Assert.Null(profile.Checklist);
    }
}

public sealed class DarkModeTests
{
    [Fact]
    public async Task Dark_mode_choice_is_remembered_per_person()
    {
        await using var s = await CreateAsync();

        await s.UseCase<SetDarkMode>().HandleAsync(s.Edge, true, Ct);

        Assert.True(await s.UseCase<GetDarkMode>().HandleAsync(s.Edge, Ct));
        Assert.False(await s.UseCase<GetDarkMode>().HandleAsync(s.Ml, Ct));
        await s.UseCase<SetDarkMode>().HandleAsync(s.Edge, false, Ct);
        Assert.False(await s.UseCase<GetDarkMode>().HandleAsync(s.Edge, Ct));
    }
}
