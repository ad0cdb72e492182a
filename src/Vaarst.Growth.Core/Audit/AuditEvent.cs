namespace Vaarst.Growth.Core.Audit;

/// <summary>
/// An append-only record of a change that matters: who, when, what, before and after.
/// The context refuses to update or delete audit events.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    /// <summary>The person who acted; null for the system (e.g. a start-up seed or a command-line import).</summary>
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Type { get; set; }
    public required string SubjectType { get; set; }
    public string? SubjectId { get; set; }
    /// <summary>The person the event concerns (e.g. the engineer whose item was signed off), for filtering.</summary>
    public int? PersonId { get; set; }
    public required string Summary { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>The audit event types, as stored.</summary>
public static class AuditEventTypes
{
    public const string FrameworkImported = "framework.imported";
    public const string DemoDataSeeded = "demo.seeded";
    public const string RatingChanged = "item.rating-changed";
    public const string ItemSubmitted = "item.submitted";
    public const string SubmissionWithdrawn = "item.withdrawn";
    public const string EvidenceAdded = "evidence.added";
    public const string EvidenceEdited = "evidence.edited";
    public const string EvidenceArchived = "evidence.archived";
    public const string EvidenceRestored = "evidence.restored";
    public const string EvidenceAttached = "evidence.attached";
    public const string EvidenceDetached = "evidence.detached";
    public const string ItemSignedOff = "item.signed-off";
    public const string ChangesRequested = "item.changes-requested";
    public const string SignOffRevoked = "item.sign-off-revoked";
    /// <summary>The reviewer took back their own sign-off or request for changes within a minute (<see cref="Review.UndoDecision"/>).</summary>
    public const string DecisionUndone = "item.decision-undone";
    public const string ItemReconfirmed = "item.reconfirmed";
    public const string ItemFlaggedForReconfirmation = "item.flagged-for-reconfirmation";
    public const string DelegationAssigned = "delegation.assigned";
    public const string DirectoryImported = "directory.imported";
    public const string PersonUpdated = "directory.person-updated";
    public const string EntraAccountBound = "directory.entra-account-bound";
    public const string EntraAccountUnlinked = "directory.entra-account-unlinked";
    /// <summary>Every sign-in and sign-out event starts with this (the audit log's "sign-ins and sign-outs" filter).</summary>
    public const string AccountPrefix = "account.";
    /// <summary>The audit log's filter for every sign-in, refused sign-in and sign-out (<see cref="AccountPrefix"/>).</summary>
    public const string SignInsAndSignOuts = "account.*";
    public const string SignedIn = "account.signed-in";
    public const string SignInRefused = "account.sign-in-refused";
    public const string SignedOut = "account.signed-out";
    public const string SessionCreated = "calibration.session-created";
    public const string CandidateNominated = "calibration.nominated";
    public const string SessionStarted = "calibration.session-started";
    public const string PreReadSubmitted = "calibration.pre-read";
    public const string IdentitiesRevealed = "calibration.identities-revealed";
    public const string CalibrationDecided = "calibration.decided";
    public const string SessionClosed = "calibration.session-closed";
    public const string CycleCreated = "calibration.cycle-created";
    public const string CycleAdvanced = "calibration.cycle-advanced";
    public const string CycleReleased = "calibration.cycle-released";
    public const string ReopenRequested = "calibration.reopen-requested";
    public const string ReopenApproved = "calibration.reopen-approved";
    public const string OutcomeAcknowledged = "calibration.outcome-acknowledged";
    public const string DelegationEnded = "delegation.ended";
    public const string CorroborationRequested = "evidence.corroboration-requested";
    public const string CorroborationAnswered = "evidence.corroboration-answered";
    public const string GitHubConnected = "evidence.github-connected";
    public const string GitHubDisconnected = "evidence.github-disconnected";
}
