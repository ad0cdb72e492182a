namespace Vaarst.Growth.Core.Gap;

/// <summary>
/// What an engineer works on next after a "Not yet" or "Defer": the areas named by the calibration panel and when they
/// will be looked at again. Written when the outcome is released to the engineer (never before: the embargo holds), so
/// the gap view shows it without knowing about calibration.
/// </summary>
public sealed class DevelopmentPlan
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    /// <summary>The areas to work on, one per line, as the panel named them.</summary>
    public required string Areas { get; set; }
    /// <summary>Where the plan comes from, e.g. "Not yet · 2027 H1".</summary>
    public required string Source { get; set; }
    /// <summary>The cycle that looks at it again (its name), or null for "the next cycle".</summary>
    public string? RevisitCycle { get; set; }
    public DateTime ReleasedAtUtc { get; set; }

    public IReadOnlyList<string> AreaList => Areas.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
