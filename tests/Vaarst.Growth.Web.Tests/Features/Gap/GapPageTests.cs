using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Web.Features.Gap;

namespace Vaarst.Growth.Web.Tests.Features.Gap;

public sealed class GapPageTests(SeededDatabase shared) : ComponentTestContext, IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task GapPage_shows_the_overall_readiness_the_use_case_computes_and_the_not_yet_defined_areas()
    {
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);

        var page = Render<GapPage>();

        page.WaitForAssertion(() => Assert.Contains($"{gap.Overall.Percent}%", page.Find("[data-testid=gap-overall]").TextContent));
        Assert.Contains($"{gap.Overall.SignedOff} of {gap.Overall.Applicable} applicable statements signed off", page.Markup);
        Assert.Equal(gap.Areas.Count(), page.FindAll("[data-testid^=gap-area-]").Count);
        Assert.Contains("not yet defined", page.Find("[data-testid=gap-area-architecture-design]").TextContent);
        Assert.Contains("no Level 3 page", page.Find("[data-testid=no-current-level]").TextContent);
    }

    [Fact]
    public async Task GapReport_renders_areas_and_statements_as_markup_without_a_mudblazor_component_per_row()
    {
        // Issue #15 / ADR 0007: what repeats per area and statement is plain markup (Light); the MudBlazor components
        // left are the report's summary at the top, whatever the number of areas and statements.
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);
        Assert.True(gap.Areas.SelectMany(a => a.Statements).Count() > 5);

        var report = Render<GapReport>(p => p.Add(r => r.Gap, gap).Add(r => r.ShowCharts, false));

        var mud = report.FindComponents<MudComponentBase>();
        Assert.NotEmpty(mud); // the summary's MudText: the search finds MudBlazor components by their base class
        Assert.True(mud.Count <= 5, string.Join(", ", mud.Select(c => c.Instance.GetType().Name)));
        Assert.Equal(gap.Areas.SelectMany(a => a.Statements).Count(), report.FindAll(".gap-statements li .mud-chip").Count(c => c.ParentElement!.ParentElement!.TagName == "LI"));
    }

    [Fact]
    public async Task GapReport_draws_each_defined_areas_readiness_ring_as_its_own_svg_without_a_chart_component()
    {
        // Issue #15, third round: the per-area donut was a MudChart (a component tree, paths and a legend per area); it is
        // one hidden SVG with a circle per non-empty state, so the components left are still only the summary's.
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);

        var report = Render<GapReport>(p => p.Add(r => r.Gap, gap).Add(r => r.ShowCharts, true));

        var mud = report.FindComponents<MudComponentBase>();
        Assert.True(mud.Count <= 5, string.Join(", ", mud.Select(c => c.Instance.GetType().Name)));
        Assert.Empty(report.FindComponents<MudChart<double>>());
        var defined = gap.Areas.Where(a => a.IsDefined).ToList();
        var rings = report.FindAll(".gap-chart svg.gap-donut");
        Assert.Equal(defined.Count, rings.Count);
        Assert.All(rings, ring => Assert.Equal("true", ring.ParentElement!.GetAttribute("aria-hidden")));
        foreach (var (area, ring) in defined.Zip(rings))
        {
            var c = area.Counts;
            var states = new[] { c.SignedOff, c.Submitted, c.InProgress, c.NotStarted, c.NeedsReconfirmation };
            var circles = ring.QuerySelectorAll("circle");
            Assert.Equal(states.Count(n => n > 0), circles.Length);
            var dashes = circles.Select(e => double.Parse(e.GetAttribute("stroke-dasharray")!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (dashes.Count > 0)
            {
                Assert.Equal(100, dashes.Sum(), 1); // the whole ring, split by state
            }

            if (c.SignedOff > 0)
            {
                Assert.Equal("#2E7D4F", circles[0].GetAttribute("stroke")); // signed off first, in its chip's green
                Assert.Equal(100d * c.SignedOff / states.Sum(), dashes[0], 2);
            }

            // Only the "not started" part takes the theme's disabled colour (app.css), so dark mode draws it dim.
            var rest = circles.Where(e => e.ClassList.Contains("gap-donut-rest")).ToList();
            Assert.Equal(c.NotStarted > 0 ? 1 : 0, rest.Count);
            if (c.NotStarted > 0)
            {
                Assert.Equal("#C5CDD5", rest[0].GetAttribute("stroke"));
                Assert.Equal(100d * c.NotStarted / states.Sum(), double.Parse(rest[0].GetAttribute("stroke-dasharray")!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), 2);
            }
        }
    }

    [Fact]
    public async Task GapPage_next_actions_link_to_the_engineers_own_items()
    {
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);
        var changes = gap.NextActions.Single(a => a.Kind == NextActionKind.ChangesRequested);

        var page = Render<GapPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=next-actions]")));
        var links = page.FindAll("[data-testid=next-actions] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/checklist/items/{changes.ItemId}", links);
        Assert.Contains("Changes requested (1)", page.Find("[data-testid=next-actions]").TextContent);
        Assert.Empty(page.FindComponents<MudBlazor.MudSelect<int>>()); // the target level is a native select (issue #15)
    }

    [Fact]
    public async Task GapPage_next_actions_are_links_without_a_component_each()
    {
        // Issue #15, third round: up to 40 next-action links, drawn with MudLink's classes instead of a MudLink each.
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);
        Assert.NotEmpty(gap.NextActions);

        var page = Render<GapPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=next-actions]")));
        Assert.Empty(page.FindComponents<MudLink>());
        Assert.DoesNotContain(page.FindComponents<MudChart<double>>(), c => c.Instance.ChartType == ChartType.Donut);
        var links = page.FindAll("[data-testid=next-actions] li a");
        Assert.Equal(gap.NextActions.GroupBy(a => a.Kind).Sum(g => Math.Min(8, g.Count())), links.Count);
        Assert.All(links, a => Assert.Contains("mud-link", a.ClassList));
    }

    [Fact]
    public async Task GapPage_draws_its_history_as_one_svg_with_each_point_in_words_and_no_chart_breadcrumb_or_alert_component()
    {
        // Issue #15, fourth round: the history line was a MudChart (a component tree and ~1.6 mudGetSvgBBox calls per idle
        // circuit); the breadcrumbs and alerts brought MudBlazor's localizer into every request. All are markup now.
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);
        Assert.NotEmpty(gap.History);

        var page = Render<GapPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=gap-history-chart]")));
        Assert.Empty(page.FindComponents<MudChart<double>>());
        Assert.Empty(page.FindComponents<MudBreadcrumbs>());
        Assert.Empty(page.FindComponents<MudAlert>());
        Assert.Empty(page.FindComponents<MudGrid>());
        var svg = page.Find("[data-testid=gap-history-chart] svg");
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        var points = page.FindAll("[data-testid=gap-history-points] li");
        Assert.Equal(svg.QuerySelectorAll("circle").Length, points.Count);
        Assert.True(points.Count >= gap.History.Count);
        Assert.EndsWith($"{gap.Overall.Percent}% ready", points[^1].TextContent); // the line ends at today's figure
        Assert.Contains("My gap view", page.Find("nav[aria-label=Breadcrumb] [aria-current=page]").TextContent);
    }

    [Fact]
    public void GapPage_history_chart_of_many_points_labels_a_few_dates_and_keeps_every_point()
    {
        var points = Enumerable.Range(1, 30).Select(i => ($"{i} Jan 2026", Math.Min(100, i * 4))).ToList();

        var chart = Render(GapPage.HistoryChart(points));

        Assert.Equal(30, chart.FindAll("circle").Count);
        Assert.Equal(30, chart.FindAll("[data-testid=gap-history-points] li").Count);
        var dates = chart.FindAll(".mud-charts-xaxis text").Select(t => t.TextContent).ToList();
        Assert.InRange(dates.Count, 2, GapPage.MaxHistoryLabels);
        Assert.Equal("1 Jan 2026", dates[0]);
        Assert.Equal("30 Jan 2026", dates[^1]);
        Assert.Equal(5, chart.FindAll(".mud-charts-yaxis text").Count); // 0, 25, 50, 75, 100 %
        Assert.Equal("100%", chart.FindAll(".mud-charts-yaxis text")[^1].TextContent);
    }

    [Fact]
    public void GapPage_history_chart_labels_the_first_and_last_date_and_never_two_neighbouring_points()
    {
        // The chart sits in the gap view's narrow side column: at most MaxHistoryLabels dates fit under it side by side.
        for (var count = 2; count <= 60; count++)
        {
            var points = Enumerable.Range(1, count).Select(i => ($"{i} Mar 2026", 50)).ToList();
            var chart = Render(GapPage.HistoryChart(points));
            var labels = chart.FindAll(".mud-charts-xaxis text");
            Assert.InRange(labels.Count, 2, GapPage.MaxHistoryLabels);
            Assert.Equal("1 Mar 2026", labels[0].TextContent);
            Assert.Equal("start", labels[0].GetAttribute("text-anchor"));
            Assert.Equal($"{count} Mar 2026", labels[^1].TextContent);
            Assert.Equal("end", labels[^1].GetAttribute("text-anchor"));
            var labelled = labels.Select(l => int.Parse(l.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) - 1).ToList();
            var every = (int)Math.Ceiling(count / (double)GapPage.MaxHistoryLabels);
            Assert.All(labelled.Zip(labelled.Skip(1)), pair => Assert.True(pair.Second - pair.First >= every, $"{count} points: labels at {pair.First} and {pair.Second}"));
        }
    }

    [Fact]
    public void GapPage_history_ends_at_todays_readiness_even_when_the_last_decision_was_today()
    {
        // The history replays decisions; a flag for re-confirmation is not one. A sign-off today that was flagged the same
        // day counted as signed at the end of the line while the readiness above it said 0 %.
        var today = new DateOnly(2026, 12, 3);
        var flagged = new GapCounts(13, 0, 0, 0, 12, 0, 1);
        var gap = new GapView(1, "Sam Lee", null, "Edge ML Engineer", 3, 4, "Mid", [4], false, [], flagged, [],
            [new ReadinessPoint(today.AddDays(-30), 1, 8), new ReadinessPoint(today, 1, 8)]);

        var sameDay = GapPage.HistoryToToday(gap, today);
        var earlier = GapPage.HistoryToToday(gap with { History = [gap.History[0]] }, today);

        Assert.Equal([(today.AddDays(-30), 8), (today, 0)], sameDay.Select(p => (p.Date, p.Percent)));
        Assert.Equal([(today.AddDays(-30), 8), (today, 0)], earlier.Select(p => (p.Date, p.Percent)));
        Assert.Empty(GapPage.HistoryToToday(gap with { History = [] }, today));
    }

    [Theory]
    [InlineData(new[] { 0 }, 20)]
    [InlineData(new[] { 8, 8 }, 20)]
    [InlineData(new[] { 8, 20 }, 20)]
    [InlineData(new[] { 8, 21 }, 40)]
    [InlineData(new[] { 55 }, 60)]
    [InlineData(new[] { 30, 100 }, 100)]
    public void GapPage_history_axis_ends_at_the_lowest_fifth_of_100_percent_that_the_line_reaches(int[] percents, int top)
    {
        Assert.Equal(top, GapPage.AxisTop(percents));
    }

    [Fact]
    public void GapPage_history_chart_at_low_readiness_is_not_a_line_on_the_floor_and_says_the_last_figure()
    {
        // The demo's Sam Lee: one sign-off of 13 statements, 8 % for three months. On a 0–100 % axis that was a flat line
        // 14 px above the floor of the plot; the axis now ends at 20 % and says so.
        var chart = Render(GapPage.HistoryChart([("4 Sep 2026", 8), ("3 Dec 2026", 8)]));

        Assert.Equal(["0%", "5%", "10%", "15%", "20%"], chart.FindAll(".mud-charts-yaxis text").Select(t => t.TextContent));
        var heights = chart.FindAll("circle").Select(c => double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(heights, y => Assert.Equal(188 - (176 * 0.4), y, 3)); // 8 of 20: 40 % of the way up the plot
        Assert.Equal("8%", chart.Find("[data-testid=gap-history-value] text").TextContent);
        Assert.Equal(["4 Sep 2026: 8% ready", "3 Dec 2026: 8% ready"], chart.FindAll("[data-testid=gap-history-points] li").Select(li => li.TextContent));
    }

    [Fact]
    public void GapPage_history_chart_takes_its_colours_from_the_theme_so_dark_mode_draws_the_dark_palette()
    {
        var chart = Render(GapPage.HistoryChart([("4 Sep 2026", 8), ("3 Dec 2026", 15)]));

        Assert.DoesNotMatch("(fill|stroke)=\"#", chart.Markup);
        Assert.Equal(5, chart.FindAll("path.gap-history-grid").Count);
        Assert.Single(chart.FindAll("path.gap-history-line"));
        Assert.Equal(2, chart.FindAll("circle.gap-history-point").Count);
        var css = File.ReadAllText(RepositoryRoot.Combine("src", "Vaarst.Growth.Web", "wwwroot", "app.css"));
        Assert.Contains(".gap-history-grid { stroke: var(--mud-palette-lines-default); }", css);
        Assert.Contains(".gap-history-line { stroke: var(--mud-palette-primary); }", css);
        Assert.Contains(".gap-history-point { fill: var(--mud-palette-primary); stroke: var(--mud-palette-primary); }", css);
    }

    [Fact]
    public async Task GapPage_plan_from_calibration_lists_the_next_actions_in_each_of_its_areas()
    {
        // "Not yet is a plan" (#16): the released plan's areas, each with the gap view's next actions in it.
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var gap = await Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest(), Ct);
        var planned = gap.NextActions.GroupBy(a => a.AreaName).First();
        var quiet = gap.Areas.First(a => gap.NextActions.All(n => n.AreaName != a.Name)).Name;
        await using (var db = shared.CreateDbContext())
        {
            db.DevelopmentPlans.Add(new DevelopmentPlan
            {
                PersonId = sam.PersonId!.Value, Areas = $"{planned.Key.ToUpperInvariant()}\n{quiet}", Source = "Not yet · 2027 H1",
                RevisitCycle = "2027 H2", ReleasedAtUtc = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync(Ct);
        }

        var page = Render<GapPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=development-plan]")));
        var areas = page.FindAll("[data-testid=development-plan-areas] > li");
        Assert.Equal(2, areas.Count);
        var count = planned.Count();
        Assert.Contains(count == 1 ? "1 next action" : $"{count} next actions", areas[0].TextContent);
        Assert.Equal(planned.Take(3).Select(a => a.Link), areas[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("nothing to do right now", areas[1].TextContent);
        Assert.Contains("revisit in 2027 H2", page.Find("[data-testid=development-plan]").TextContent);
    }

    [Fact]
    public async Task GapPage_of_someone_outside_the_callers_reach_shows_an_empty_state()
    {
        await SignInAsync(shared, SeededDatabase.SamLee);
        var alex = await shared.ActorAsync(SeededDatabase.AlexMorgan);

        var page = Render<GapPage>(p => p.Add(x => x.PersonId, alex.PersonId));

        page.WaitForAssertion(() => Assert.Contains("No gap view here", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=gap-overall]"));
    }

    [Theory]
    [InlineData(0, "#F0F9F5", CoverageScale.DarkText)]
    [InlineData(100, "#2A6F4C", CoverageScale.LightText)]
    public void Heatmap_cell_colour_deepens_with_coverage_and_keeps_text_readable(int signedOff, string background, string text)
    {
        var style = TeamHeatmapPage.CellStyle(new GapCounts(100, signedOff, 0, 0, 0, 0, 0));

        Assert.Equal($"background: {background}; color: {text};", style);
    }

    [Fact]
    public async Task Heatmap_shows_a_row_per_report_and_a_dash_for_the_other_specialism()
    {
        await SignInAsync(shared, "priya.raman@vaarst.example");

        var page = Render<TeamHeatmapPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=heatmap]")));
        var rows = page.FindAll("[data-testid=heatmap] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Single(r.QuerySelectorAll(".heatmap-na")));
        Assert.Contains(page.FindAll("[data-testid=heatmap] a"), a => a.GetAttribute("href")!.StartsWith("/gap/"));
    }
}
