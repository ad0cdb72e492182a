namespace Vaarst.Growth.Core.People;

/// <summary>What to tell someone, and where they can act on it.</summary>
public sealed record NotificationMessage(int RecipientId, string Kind, string Title, string? Link);

/// <summary>
/// Sends notifications after a use case has committed its change. The in-app sender stores them for the bell;
/// an e-mail sender can be added (or composed with it) without touching the use cases.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(IReadOnlyCollection<NotificationMessage> messages, CancellationToken cancellationToken = default);
}

/// <summary>The kinds of notification, as stored.</summary>
public static class NotificationKinds
{
    public const string ItemSubmitted = "item.submitted";
    public const string ItemSignedOff = "item.signed-off";
    public const string ChangesRequested = "item.changes-requested";
    public const string SignOffRevoked = "item.sign-off-revoked";
    public const string ReconfirmationNeeded = "item.reconfirmation-needed";
    public const string ItemReconfirmed = "item.reconfirmed";
    public const string CalibrationOutcome = "calibration.outcome";
    public const string CorroborationRequested = "evidence.corroboration-requested";
    public const string CorroborationAnswered = "evidence.corroboration-answered";
}
