using Vaarst.Growth.Core.Calibration;

namespace Vaarst.Growth.Web.Features.Calibration;

/// <summary>How the comparison's candidate columns are ordered.</summary>
public enum CandidateOrder
{
    Label,
    CoverageHighFirst,
    CoverageLowFirst,
}

/// <summary>How the comparison's area rows are ordered.</summary>
public enum AreaOrder
{
    Framework,
    Name,
    CoverageHighFirst,
    CoverageLowFirst,
}

/// <summary>
/// The order in which the comparison grid shows its columns and rows, as indexes into <see cref="Comparison"/>.
/// Sorting never drops anything, and ties keep the session's order (labels A, B, C… and the framework's area order).
/// </summary>
public sealed record ComparisonLayout(IReadOnlyList<int> Columns, IReadOnlyList<int> Rows)
{
    public static ComparisonLayout Of(Comparison comparison, CandidateOrder candidates, AreaOrder areas)
    {
        var columns = Enumerable.Range(0, comparison.Candidates.Count);
        columns = candidates switch
        {
            CandidateOrder.CoverageHighFirst => columns.OrderByDescending(c => comparison.Candidates[c].Overall.Ratio),
            CandidateOrder.CoverageLowFirst => columns.OrderBy(c => comparison.Candidates[c].Overall.Ratio),
            _ => columns,
        };

        var rows = Enumerable.Range(0, comparison.Areas.Count);
        rows = areas switch
        {
            AreaOrder.Name => rows.OrderBy(r => comparison.Areas[r].Name, StringComparer.CurrentCultureIgnoreCase),
            // Rows that apply to no candidate have no average; they go last either way.
            AreaOrder.CoverageHighFirst => rows.OrderBy(r => AverageCoverage(comparison, r) is null).ThenByDescending(r => AverageCoverage(comparison, r)),
            AreaOrder.CoverageLowFirst => rows.OrderBy(r => AverageCoverage(comparison, r) is null).ThenBy(r => AverageCoverage(comparison, r)),
            _ => rows,
        };

        return new ComparisonLayout(columns.ToList(), rows.ToList());
    }

    /// <summary>The mean signed-off coverage (0–1) of the candidates the area applies to; null when it applies to none.</summary>
    public static double? AverageCoverage(Comparison comparison, int row)
    {
        var cells = comparison.Cells[row].Where(c => c is not null).ToList();
        return cells.Count == 0 ? null : cells.Average(c => c!.Counts.Ratio);
    }
}
