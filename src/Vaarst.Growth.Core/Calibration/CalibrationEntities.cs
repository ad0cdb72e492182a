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
