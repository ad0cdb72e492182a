using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>Where a calibration session is: managers nominate, then the panel discusses, then it is closed and locked.</summary>
public enum SessionState
{
    Nominating = 0,
    InSession = 1,
    Closed = 2,
}

/// <summary>A panel's provisional view or final decision on a candidate.</summary>
public enum Outcome
{
    Promote = 0,
    NotYet = 1,
    Defer = 2,
}

/// <summary>A calibration session comparing promotion candidates for one target level.</summary>
public sealed class CalibrationSession : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int TargetLevel { get; set; }
    public DateOnly ScheduledOn { get; set; }
    /// <summary>The promotion cycle the session belongs to; null for sessions created before cycles existed.</summary>
    public int? CycleId { get; set; }
    public PromotionCycle? Cycle { get; set; }
    public int ChairId { get; set; }
    public Person? Chair { get; set; }
    public SessionState State { get; set; }
    /// <summary>Candidates appear as "Candidate A, B…" on panel pages; on by default (bias control).</summary>
    public bool IsBlind { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public int Version { get; set; }
    public List<PanelMember> Members { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
}

/// <summary>Someone who sits on a session's panel (the chair is one too).</summary>
public sealed class PanelMember
{
    public int SessionId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>A manager's nomination of a direct report, and the panel's decision on them.</summary>
public sealed class Nomination : IVersioned
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CalibrationSession? Session { get; set; }
    public int CandidateId { get; set; }
    public Person? Candidate { get; set; }
    public int NominatedById { get; set; }
    public required string CaseStatement { get; set; }
    public DateTime NominatedAtUtc { get; set; }
    /// <summary>The stable blind label within the session: "A", "B", … "Z", "AA"…</summary>
    public required string Alias { get; set; }
    public Outcome? Decision { get; set; }
    public string? DecisionRationale { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int? DecidedById { get; set; }
    /// <summary>For Not yet / Defer: the areas to work on, one per line (required in a promotion cycle).</summary>
    public string? PlanAreas { get; set; }
    /// <summary>For Not yet / Defer: the cycle that looks at the candidate again.</summary>
    public int? RevisitCycleId { get; set; }
    /// <summary>When the candidate confirmed they read the released outcome and rationale.</summary>
    public DateTime? AcknowledgedAtUtc { get; set; }
    public int Version { get; set; }
    public List<PreRead> PreReads { get; set; } = [];
}

/// <summary>A panel member's independent, provisional view of a candidate before the discussion.</summary>
public sealed class PreRead
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int PanelMemberId { get; set; }
    public Outcome Outcome { get; set; }
    public string? Note { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
}

/// <summary>
/// A panel member chose to see one candidate's identity in a blind session, with a reason (audited, shown to the chair).
/// It names the candidate to that member only while the session is open (see <see cref="People.RecordAccess"/>).
/// </summary>
public sealed class IdentityReveal
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int NominationId { get; set; }
    public Nomination? Nomination { get; set; }
    public int PanelMemberId { get; set; }
    public required string Reason { get; set; }
    public DateTime RevealedAtUtc { get; set; }
}

/// <summary>
/// The frozen record of one candidate, captured when the session starts: what the panel reads and decides on
/// (<see cref="CandidateRecord"/> as JSON) and its SHA-256. Never updated or deleted (the context refuses, as for the audit log).
/// </summary>
public sealed class DossierSnapshot
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public DateTime CapturedAtUtc { get; set; }
    public required string ContentHash { get; set; }
    public required string Content { get; set; }
}
