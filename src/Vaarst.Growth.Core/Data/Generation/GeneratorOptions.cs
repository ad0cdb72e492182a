namespace Vaarst.Growth.Core.Data.Generation;

/// <summary>
/// The shape of a generated organisation. Everything is derived from <see cref="Seed"/> and <see cref="NowUtc"/>,
/// so the same options give the same rows (and the same framework pages) on every run.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The <c>grand_parent</c> of every generated framework page.</summary>
    public const string FrameworkName = "Vaarst Synthetic Framework";

    public int Engineers { get; init; } = 2_000;

    public int Seed { get; init; } = 1;

    /// <summary>"Today" for the generated organisation; the history runs back <see cref="HistoryDays"/> from here. Never the wall clock.</summary>
    public DateTime NowUtc { get; init; } = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    public int HistoryDays { get; init; } = 730;

    public int ReportsPerManager { get; init; } = 8;

    public int Administrators { get; init; } = 2;

    public int PanelMembers { get; init; } = 20;

    /// <summary>Crafts of the framework; each has <see cref="Levels"/> pages (10 crafts × 5 levels = 50 pages).</summary>
    public int Crafts { get; init; } = 1;

    public int Levels { get; init; } = 5;

    /// <summary>Defined areas per section (All and two specialisms per page).</summary>
    public int AreasPerSection { get; init; } = 6;

    /// <summary>Statements per section of a page, spread over its areas; an engineer's checklist holds All + one specialism.</summary>
    public int StatementsPerSection { get; init; } = 16;

    public int EvidencePerEngineer { get; init; } = 10;

    public int CalibrationSessions { get; init; } = 20;

    public int CandidatesPerSession { get; init; } = 30;

    /// <summary>Engineers written per <c>SaveChanges</c> round (their evidence, items, decisions and audit events).</summary>
    public int BatchSize { get; init; } = 250;

    public void Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(Engineers >= 1, "Generate at least one engineer.");
        Require(NowUtc.Kind == DateTimeKind.Utc, "NowUtc must be a UTC time.");
        Require(HistoryDays >= 90, "Keep at least 90 days of history.");
        Require(ReportsPerManager >= 1, "A manager needs at least one report.");
        Require(Administrators >= 1, "Generate at least one administrator.");
        Require(PanelMembers >= 2, "A calibration panel needs at least two members.");
        Require(Crafts is >= 1 and <= 50, "Generate between 1 and 50 crafts.");
        Require(Levels is >= 2 and <= 9, "Generate between 2 and 9 levels.");
        Require(AreasPerSection >= 1, "Generate at least one area per section.");
        Require(StatementsPerSection >= AreasPerSection, "Give every area at least one statement.");
        Require(EvidencePerEngineer >= 0 && CalibrationSessions >= 0 && CandidatesPerSession >= 0, "Counts cannot be negative.");
        Require(BatchSize >= 1, "The batch size must be positive.");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
