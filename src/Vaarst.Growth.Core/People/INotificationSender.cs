using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>What to tell someone, and where they can act on it.</summary>
public sealed record NotificationMessage(int RecipientId, string Kind, string Title, string? Link);

/// <summary>
/// Notifies people: the bell's notification and, per each person's preference, an e-mail in the outbox (ADR 0013).
/// Use cases call <see cref="AddAsync"/> before their own SaveChanges, so the change, its notifications and their e-mails
/// commit together: there is no way to notify after the change, which a crash in between could lose.
/// </summary>
public interface INotificationSender
{
    /// <summary>Adds the notifications and their outbox rows to <paramref name="db"/>; they commit with its next SaveChanges.</summary>
    Task AddAsync(GrowthDbContext db, IReadOnlyCollection<NotificationMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Adds a team-level message (no personal content: a kind and a link) for the team webhook, if one is configured.</summary>
    void AddTeamMessage(GrowthDbContext db, string kind, string? link);
}

/// <summary>The kinds of notification, as stored.</summary>
public static class NotificationKinds
{
    public const string ItemSubmitted = "item.submitted";
    public const string ItemSignedOff = "item.signed-off";
    public const string ChangesRequested = "item.changes-requested";
    public const string SignOffRevoked = "item.sign-off-revoked";
    public const string DecisionUndone = "item.decision-undone";
    public const string ReconfirmationNeeded = "item.reconfirmation-needed";
    public const string ItemReconfirmed = "item.reconfirmed";
    public const string CalibrationOutcome = "calibration.outcome";
    public const string CorroborationRequested = "evidence.corroboration-requested";
    public const string CorroborationAnswered = "evidence.corroboration-answered";
    public const string CalibrationReminder = "calibration.pre-read-reminder";
    public const string CycleReminder = "cycle.deadline-reminder";

    // Team-level (webhook) kinds: never addressed to a person.
    public const string SessionStarted = "team.calibration-session-started";
    public const string OutcomesReleased = "team.calibration-outcomes-released";
}
