using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Where a request to corroborate evidence stands. An unanswered request past its expiry reads as expired.</summary>
public enum CorroborationStatus
{
    Requested = 0,
    Confirmed = 1,
    Disputed = 2,
    Declined = 3,
    Expired = 4,
}

/// <summary>
/// An engineer's request to a colleague to vouch for one piece of evidence, and the colleague's answer. The answer
/// records the evidence's content hash it was given on, so an edit afterwards shows it as made on an earlier version.
/// </summary>
public sealed class Corroboration : IVersioned
{
    public int Id { get; set; }
    public int EvidenceId { get; set; }
    public EvidenceEntry? Evidence { get; set; }
    public int ColleagueId { get; set; }
    public Person? Colleague { get; set; }
    /// <summary>What the engineer asks, e.g. "Can you confirm my role in the rollout?".</summary>
    public string? Question { get; set; }
    /// <summary>Requested, Confirmed, Disputed or Declined as stored; Expired is never stored (see <see cref="StatusAt"/>).</summary>
    public CorroborationStatus Status { get; set; }
    /// <summary>The colleague's note: required when disputing.</summary>
    public string? Note { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    /// <summary>The evidence's <see cref="EvidenceEntry.ContentHash"/> when the colleague answered.</summary>
    public string? AnsweredContentHash { get; set; }
    public int Version { get; set; }

    public CorroborationStatus StatusAt(DateTime nowUtc) =>
        Status == CorroborationStatus.Requested && nowUtc >= ExpiresAtUtc ? CorroborationStatus.Expired : Status;
}
