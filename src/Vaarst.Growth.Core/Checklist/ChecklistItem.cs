using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Checklist;

/// <summary>How confident an engineer is against a statement.</summary>
public enum SelfRating
{
    NotStarted = 0,
    Learning = 1,
    Practising = 2,
    Confident = 3,
    NotApplicable = 4,
}

/// <summary>Where an item is in review.</summary>
public enum ItemStatus
{
    Draft = 0,
    Submitted = 1,
    SignedOff = 2,
    ChangesRequested = 3,
}

/// <summary>
/// One statement on one engineer's checklist. Created the first time the engineer (or the seed) touches the statement;
/// a statement without an item is simply "not started".
/// </summary>
public sealed class ChecklistItem : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    public SelfRating Rating { get; set; }
    public string? NotApplicableReason { get; set; }
    public ItemStatus Status { get; set; }
    /// <summary>Set when a signed-off item's statement text or supporting evidence changed; the sign-off stays recorded.</summary>
    public bool NeedsReconfirmation { get; set; }
    public string? ReconfirmationReason { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<ReviewDecision> Decisions { get; set; } = [];
}

/// <summary>What a reviewer decided about an item.</summary>
public enum DecisionKind
{
    SignOff = 0,
    RequestChanges = 1,
    Revoke = 2,
    Reconfirm = 3,
}

/// <summary>A reviewer's decision on an item. Decisions are only ever added.</summary>
public sealed class ReviewDecision
{
    public int Id { get; set; }
    public int ChecklistItemId { get; set; }
    public ChecklistItem? ChecklistItem { get; set; }
    public int ReviewerId { get; set; }
    public Person? Reviewer { get; set; }
    public DecisionKind Kind { get; set; }
    public string? Comment { get; set; }
    public DateTime DecidedAtUtc { get; set; }
    /// <summary>JSON list of the evidence the decision was based on: <c>[{"id":1,"hash":"…"}]</c>.</summary>
    public string? EvidenceBasis { get; set; }

    /// <summary>How many pieces of evidence the decision was based on (kept beside the JSON for analytics).</summary>
    public int EvidenceCount { get; set; }

    /// <summary>
    /// Set only on the revocation <see cref="Review.UndoDecision"/> writes: the decision it took back, which analytics
    /// then leave out. A revocation typed by hand, whatever its reason, leaves it null.
    /// </summary>
    public int? UndoesDecisionId { get; set; }
}
