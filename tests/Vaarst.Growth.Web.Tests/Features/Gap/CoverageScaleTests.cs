using Vaarst.Growth.Web.Features.Gap;

namespace Vaarst.Growth.Web.Tests.Features.Gap;

public sealed class CoverageScaleTests
{
    public static TheoryData<int> EveryPercent => new(Enumerable.Range(0, 101));

    [Theory]
    [MemberData(nameof(EveryPercent))]
    public void Every_coverage_from_0_to_100_percent_reads_at_WCAG_AA(int percent)
    {
        var (background, text) = CoverageScale.ColoursOf(percent / 100.0);

        Assert.True(CoverageScale.Contrast(background, text) >= CoverageScale.MinimumContrast,
            $"{percent}%: {text} on {background} is {CoverageScale.Contrast(background, text):0.00}:1");
    }

    [Theory]
    [MemberData(nameof(EveryPercent))]
    public void A_cell_sets_its_own_text_colour_so_light_and_dark_mode_read_the_same(int percent)
    {
        var style = CoverageScale.StyleOf(percent / 100.0);

        Assert.Matches("^background: #[0-9A-F]{6}; color: #[0-9A-F]{6};$", style);
    }

    [Fact]
    public void The_issue_s_failing_cell_now_reads()
    {
        // "67%" was white on #4ebc85 (2.37:1).
        Assert.True(CoverageScale.Contrast("#4EBC85", "#FFFFFF") < 2.5);
        var (background, text) = CoverageScale.ColoursOf(0.67);
        Assert.Equal(CoverageScale.DarkText, text);
        Assert.True(CoverageScale.Contrast(background, text) >= 4.5);
    }

    [Fact]
    public void Contrast_matches_WCAG_reference_values()
    {
        Assert.Equal(21, CoverageScale.Contrast("#000000", "#FFFFFF"), 2);
        Assert.Equal(1, CoverageScale.Contrast("#777777", "#777777"), 2);
        Assert.Equal(4.48, CoverageScale.Contrast("#777777", "#FFFFFF"), 2);
    }
}
