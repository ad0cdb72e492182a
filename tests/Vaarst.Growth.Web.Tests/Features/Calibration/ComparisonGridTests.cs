using Bunit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Web.Features.Calibration;

namespace Vaarst.Growth.Web.Tests.Features.Calibration;

/// <summary>The comparison's order and dashes, on a hand-made comparison: no database needed.</summary>
public sealed class ComparisonGridTests : ComponentTestContext
{
    private static readonly ComparisonArea MlOps = new("All", true, "ml-ops", "ML Ops");
    private static readonly ComparisonArea EdgeComputing = new("Edge ML Engineer", false, "edge-computing", "Edge Computing");
    private static readonly ComparisonArea AiStrategy = new("All", true, "ai-strategy", "AI Strategy");
    private static readonly ComparisonArea Research = new("Research Engineer", false, "research", "Research");

    /// <summary>
    /// A (ML Engineer, 1 of 5 = 20%), B (Edge, 3 of 6 = 50%), C (Edge, 0 of 6); ML Ops and AI Strategy apply to all,
    /// Edge Computing only to B and C, Research to nobody.
    /// </summary>
    private static Comparison Sample()
    {
        var candidates = new List<ComparisonCandidate>
        {
            new(11, "Candidate A", "ML Engineer", Counts(5, 1)),
            new(12, "Candidate B", "Edge ML Engineer", Counts(6, 3)),
            new(13, "Candidate C", "Edge ML Engineer", Counts(6, 0)),
        };
        var cells = new List<IReadOnlyList<ComparisonCell?>>
        {
            new List<ComparisonCell?> { Cell(3, 1), Cell(3, 1), Cell(3, 0) },
            new List<ComparisonCell?> { null, Cell(2, 2), Cell(2, 0) },
            new List<ComparisonCell?> { Cell(2, 0), Cell(1, 0), Cell(1, 0) },
            new List<ComparisonCell?> { null, null, null },
        };
        return new Comparison(1, "Level 4 promotions", 4, false, [MlOps, EdgeComputing, AiStrategy, Research], candidates, cells);
    }

    private static GapCounts Counts(int applicable, int signedOff, int reconfirm = 0) =>
        new(applicable, signedOff, 0, 0, applicable - signedOff, 0, reconfirm);

    private static ComparisonCell Cell(int applicable, int signedOff) =>
        new(Counts(applicable, signedOff, reconfirm: signedOff > 1 ? 1 : 0), signedOff * 2, signedOff == 0 ? null : new DateOnly(2026, 10, 5));

    [Theory]
    [InlineData(CandidateOrder.Label, new[] { 0, 1, 2 })]
    [InlineData(CandidateOrder.CoverageHighFirst, new[] { 1, 0, 2 })]
    [InlineData(CandidateOrder.CoverageLowFirst, new[] { 2, 0, 1 })]
    public void ComparisonLayout_orders_candidates_by_overall_coverage(CandidateOrder order, int[] expected) =>
        Assert.Equal(expected, ComparisonLayout.Of(Sample(), order, AreaOrder.Framework).Columns);

    [Fact]
    public void ComparisonLayout_candidates_with_the_same_coverage_keep_label_order()
    {
        var sample = Sample();
        var tied = sample with { Candidates = sample.Candidates.Select(c => c with { Overall = Counts(4, 2) }).ToList() };

        Assert.Equal([0, 1, 2], ComparisonLayout.Of(tied, CandidateOrder.CoverageHighFirst, AreaOrder.Framework).Columns);
        Assert.Equal([0, 1, 2], ComparisonLayout.Of(tied, CandidateOrder.CoverageLowFirst, AreaOrder.Framework).Columns);
    }

    [Theory]
    [InlineData(AreaOrder.Framework, new[] { 0, 1, 2, 3 })]
    [InlineData(AreaOrder.Name, new[] { 2, 1, 0, 3 })]
    // Average over the candidates an area applies to: Edge Computing 50%, ML Ops 22%, AI Strategy 0%; Research applies to nobody and goes last.
    [InlineData(AreaOrder.CoverageHighFirst, new[] { 1, 0, 2, 3 })]
    [InlineData(AreaOrder.CoverageLowFirst, new[] { 2, 0, 1, 3 })]
    public void ComparisonLayout_orders_areas_by_name_or_average_coverage(AreaOrder order, int[] expected) =>
        Assert.Equal(expected, ComparisonLayout.Of(Sample(), CandidateOrder.Label, order).Rows);

    [Fact]
    public void ComparisonLayout_average_coverage_ignores_dash_cells_and_is_null_when_an_area_applies_to_nobody()
    {
        var sample = Sample();

        Assert.Equal(0.5, ComparisonLayout.AverageCoverage(sample, 1));
        Assert.Null(ComparisonLayout.AverageCoverage(sample, 3));
    }

    [Fact]
    public void ComparisonGrid_shows_a_dash_for_each_area_of_another_specialism_and_figures_elsewhere()
    {
        var grid = Render<ComparisonGrid>(p => p
            .Add(g => g.Comparison, Sample())
            .Add(g => g.Layout, ComparisonLayout.Of(Sample(), CandidateOrder.Label, AreaOrder.Framework)));

        var edge = grid.Find("[data-testid='row-edge-computing']");
        var edgeCells = edge.QuerySelectorAll("td");
        Assert.Equal("cell-na", edgeCells[0].GetAttribute("data-testid"));
        Assert.Equal("—", edgeCells[0].QuerySelector("[aria-hidden='true']")!.TextContent);
        Assert.Contains("100%", edgeCells[1].TextContent);
        Assert.Contains("2/2 signed off", edgeCells[1].TextContent);
        Assert.Contains("4 evidence", edgeCells[1].TextContent);
        Assert.Contains("latest 5 Oct 2026", edgeCells[1].TextContent);
        Assert.Contains("1 to re-confirm", edgeCells[1].TextContent);
        Assert.Contains("no evidence yet", edgeCells[2].TextContent);
        Assert.Equal(3, grid.Find("[data-testid='row-research']").QuerySelectorAll("[data-testid='cell-na']").Length);
        Assert.Equal(4, grid.FindAll("[data-testid='cell-na']").Count);
    }

    [Fact]
    public void ComparisonGrid_columns_follow_the_layout_and_link_to_each_candidates_drill_down()
    {
        var grid = Render<ComparisonGrid>(p => p
            .Add(g => g.Comparison, Sample())
            .Add(g => g.Layout, ComparisonLayout.Of(Sample(), CandidateOrder.CoverageHighFirst, AreaOrder.Framework)));

        var links = grid.FindAll("[data-testid='column-link']");
        Assert.Equal(["Candidate B", "Candidate A", "Candidate C"], links.Select(l => l.TextContent));
        Assert.Equal(["/calibration/candidates/12", "/calibration/candidates/11", "/calibration/candidates/13"], links.Select(l => l.GetAttribute("href")));
        Assert.Equal(["50% overall", "20% overall", "0% overall"], grid.FindAll("[data-testid='column-overall']").Select(o => o.TextContent));
        // Cells move with their column: B's ML Ops cell comes first.
        Assert.Equal("cell-na", grid.Find("[data-testid='row-edge-computing']").QuerySelectorAll("td")[1].GetAttribute("data-testid"));
    }
}
