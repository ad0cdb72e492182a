using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>Where a promotion cycle is, in order. A cycle only moves forward.</summary>
public enum CyclePhase
{
    /// <summary>Before self-assessment opens.</summary>
    Upcoming = 0,
    /// <summary>Engineers assess themselves and managers nominate, until nominations close.</summary>
    SelfAssessment = 1,
    /// <summary>Nominations are closed; panels calibrate until the release date.</summary>
    Calibration = 2,
    /// <summary>Outcomes are released to candidates and their managers, together.</summary>
    Released = 3,
}

/// <summary>
/// A promotion cycle ("2027 H1"): dated phases that calibration sessions belong to. Phases move on their dates
/// (<see cref="CycleCalendar"/>) or early by an administrator (<see cref="AdvancedTo"/>); the release is a recorded
/// moment (<see cref="ReleasedAtUtc"/>), on the release date or earlier, after which outcomes are visible.
/// </summary>
public sealed class PromotionCycle : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly NominationsCloseOn { get; set; }
    public DateOnly ReleaseOn { get; set; }
    /// <summary>The phase an administrator moved the cycle to ahead of its dates (never Released: that is <see cref="ReleasedAtUtc"/>).</summary>
    public CyclePhase? AdvancedTo { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReleasedAtUtc { get; set; }
    public int? ReleasedById { get; set; }
    public int Version { get; set; }
}

/// <param name="Deadline">When the current phase ends (null once released).</param>
/// <param name="DaysLeft">Days from today to <paramref name="Deadline"/>; 0 on the day, negative when overdue.</param>
public sealed record CycleStatus(
    int Id, string Name, CyclePhase Phase, DateOnly OpensOn, DateOnly NominationsCloseOn, DateOnly ReleaseOn, DateOnly? Deadline, int? DaysLeft,
    DateTime? ReleasedAtUtc, int Version)
{
    public string PhaseLabel => CycleCalendar.Label(Phase);

    /// <summary>"Nominations close in 5 days", "Outcomes released".</summary>
    public string DeadlineText => Phase switch
    {
        CyclePhase.Upcoming => $"Self-assessment opens {CycleCalendar.InDays(DaysLeft!.Value)}",
        CyclePhase.SelfAssessment => $"Nominations close {CycleCalendar.InDays(DaysLeft!.Value)}",
        CyclePhase.Calibration => DaysLeft < 0 ? "Release is due: outcomes go out once every session is closed" : $"Outcomes are released {CycleCalendar.InDays(DaysLeft!.Value)}",
        _ => "Outcomes released",
    };
}

/// <summary>The one rule for a cycle's phase on a day, and how phases read.</summary>
public static class CycleCalendar
{
    public static CyclePhase PhaseOn(PromotionCycle cycle, DateOnly today)
    {
        if (cycle.ReleasedAtUtc is not null)
        {
            return CyclePhase.Released;
        }

        var byDate = today < cycle.OpensOn ? CyclePhase.Upcoming : today < cycle.NominationsCloseOn ? CyclePhase.SelfAssessment : CyclePhase.Calibration;
        return cycle.AdvancedTo is { } advanced && advanced > byDate ? advanced : byDate;
    }

    public static CycleStatus StatusOn(PromotionCycle cycle, DateOnly today)
    {
        var phase = PhaseOn(cycle, today);
        DateOnly? deadline = phase switch
        {
            CyclePhase.Upcoming => cycle.OpensOn,
            CyclePhase.SelfAssessment => cycle.NominationsCloseOn,
            CyclePhase.Calibration => cycle.ReleaseOn,
            _ => null,
        };
        return new CycleStatus(cycle.Id, cycle.Name, phase, cycle.OpensOn, cycle.NominationsCloseOn, cycle.ReleaseOn, deadline,
            deadline is { } d ? d.DayNumber - today.DayNumber : null, cycle.ReleasedAtUtc, cycle.Version);
    }

    public static string Label(CyclePhase phase) => phase switch
    {
        CyclePhase.Upcoming => "Upcoming",
        CyclePhase.SelfAssessment => "Self-assessment and nominations",
        CyclePhase.Calibration => "Calibration",
        CyclePhase.Released => "Outcomes released",
        _ => phase.ToString(),
    };

    public static string InDays(int days) => days switch
    {
        < 0 => $"{-days} day{(days == -1 ? "" : "s")} ago",
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };
}

/// <summary>
/// Reopening a released decision: the chair asks with a reason, a different administrator approves, then the chair
/// records the decision again. The decision before reopening is kept here (the history), and both steps are audited.
/// </summary>
public sealed class ReopenRequest : IVersioned
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public Nomination? Nomination { get; set; }
    public int RequestedById { get; set; }
    public required string Reason { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public int? ApprovedById { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    /// <summary>When the chair recorded the decision again, ending the reopening.</summary>
    public DateTime? RedecidedAtUtc { get; set; }
    public Outcome PreviousDecision { get; set; }
    public required string PreviousRationale { get; set; }
    public string? PreviousPlanAreas { get; set; }
    public DateTime? PreviousDecidedAtUtc { get; set; }
    public int Version { get; set; }
}
