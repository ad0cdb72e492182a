namespace Vaarst.Growth.Core.Gap;

/// <summary>Where one statement stands for one engineer.</summary>
public enum GapState
{
    NotStarted,
    InProgress,
    Submitted,
    SignedOff,
    NeedsReconfirmation,
    NotApplicable,
}

/// <summary>Counts of statements by state; readiness = signed off ÷ applicable (everything but "not applicable").</summary>
public sealed record GapCounts(int Statements, int SignedOff, int Submitted, int InProgress, int NotStarted, int NotApplicable, int NeedsReconfirmation)
{
    public static GapCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public int Applicable => Statements - NotApplicable;

    public double Ratio => Applicable == 0 ? 0 : (double)SignedOff / Applicable;

    public int Percent => (int)Math.Round(Ratio * 100);

    public static GapCounts Of(IEnumerable<GapState> states)
    {
        var list = states.ToList();
        return new GapCounts(list.Count,
            list.Count(s => s == GapState.SignedOff),
            list.Count(s => s == GapState.Submitted),
            list.Count(s => s == GapState.InProgress),
            list.Count(s => s == GapState.NotStarted),
            list.Count(s => s == GapState.NotApplicable),
            list.Count(s => s == GapState.NeedsReconfirmation));
    }

    public GapCounts Add(GapCounts other) => new(Statements + other.Statements, SignedOff + other.SignedOff, Submitted + other.Submitted,
        InProgress + other.InProgress, NotStarted + other.NotStarted, NotApplicable + other.NotApplicable, NeedsReconfirmation + other.NeedsReconfirmation);
}

/// <summary>The kinds of next action the gap view suggests.</summary>
public enum NextActionKind
{
    ChangesRequested,
    NeedsReconfirmation,
    NoEvidence,

    /// <summary>A draft whose evidence trips a quality prompt (no result, no measure, no own role): worth strengthening before submitting.</summary>
    StrengthenEvidence,
    WaitingForReview,
}

/// <param name="Link">Where to act: the engineer's item page, or the reviewer's review page.</param>
public sealed record NextAction(NextActionKind Kind, int StatementId, int? ItemId, string AreaName, string StatementText, DateTime? SinceUtc, string Link);

/// <summary>Signed-off statements of the target level after the decisions of one day.</summary>
public sealed record ReadinessPoint(DateOnly Date, int SignedOff, int Percent);
