namespace Vaarst.Growth.Core.People.Mail;

/// <summary>What one kind of notification says outside the app.</summary>
/// <param name="Label">How the kind is named on the profile's preferences.</param>
/// <param name="Subject">The e-mail subject (or the webhook post's first line).</param>
/// <param name="Body">One sentence; never names, notes or evidence: the link leads into the app, where access is checked.</param>
/// <param name="Action">The link's text.</param>
public sealed record Wording(string Label, string Subject, string Body, string Action);

/// <summary>
/// The one file of wording for messages that leave the app (e-mail, digest, team webhook). It deliberately uses the kind
/// only, never the in-app title: titles can quote comments and name calibration sessions, which stay inside the app.
/// </summary>
public static class NotificationWording
{
    private static readonly Dictionary<string, Wording> Kinds = new()
    {
        [NotificationKinds.ItemSubmitted] = new("Items submitted for your review",
            "Items are waiting for your review", "An engineer you review has submitted items for sign-off.", "Open the review queue"),
        [NotificationKinds.ItemSignedOff] = new("Your items signed off",
            "An item of yours was signed off", "A reviewer signed off an item on your checklist.", "See the item"),
        [NotificationKinds.ChangesRequested] = new("Changes requested on your items",
            "Changes were requested on an item of yours", "A reviewer asked for changes on an item on your checklist.", "See what to change"),
        [NotificationKinds.SignOffRevoked] = new("Sign-offs revoked",
            "A sign-off of yours was revoked", "A sign-off on your checklist was revoked.", "See the item"),
        [NotificationKinds.DecisionUndone] = new("Decisions undone",
            "A decision on an item of yours was undone", "A reviewer took back a decision on your checklist a moment after making it; the item waits for review again.", "See the item"),
        [NotificationKinds.ReconfirmationNeeded] = new("Sign-offs to re-confirm",
            "A sign-off needs re-confirming", "Something changed under a sign-off you gave; please look at it again.", "Open the item"),
        [NotificationKinds.ItemReconfirmed] = new("Sign-offs re-confirmed",
            "A sign-off of yours was re-confirmed", "A reviewer re-confirmed a sign-off on your checklist.", "See the item"),
        [NotificationKinds.CorroborationRequested] = new("Requests to corroborate evidence",
            "A colleague asks you to corroborate their evidence", "A colleague asked you to confirm something they did.", "Open the request"),
        [NotificationKinds.CorroborationAnswered] = new("Answers to your corroboration requests",
            "A colleague answered your corroboration request", "A colleague answered a request to corroborate your evidence.", "See the answer"),
        [NotificationKinds.CalibrationOutcome] = new("Calibration outcomes",
            "A calibration outcome is recorded", "A calibration panel has recorded its decision.", "See outcomes"),
        [NotificationKinds.CalibrationReminder] = new("Calibration pre-read reminders",
            "Calibration pre-reads are still to do", "A calibration session you sit on is coming up and you have pre-reads still to do.", "Open calibration"),
        [NotificationKinds.CycleReminder] = new("Promotion cycle deadline reminders",
            "A promotion cycle deadline is coming up", "Nominations close soon in a promotion cycle, and you have items to submit or to review before then.", "Open Vaarst Growth"),
        [NotificationKinds.SessionStarted] = new("Calibration session started",
            "A calibration session has started", "A calibration session has started.", "Open calibration"),
        [NotificationKinds.OutcomesReleased] = new("Calibration outcomes released",
            "Calibration outcomes are released", "A calibration session has closed and its outcomes are released.", "See outcomes"),
    };

    /// <summary>The kinds a person receives, in the order the profile lists them.</summary>
    public static IReadOnlyList<string> PersonalKinds { get; } =
    [
        NotificationKinds.ItemSubmitted, NotificationKinds.ReconfirmationNeeded, NotificationKinds.ItemSignedOff,
        NotificationKinds.ChangesRequested, NotificationKinds.SignOffRevoked, NotificationKinds.DecisionUndone,
        NotificationKinds.ItemReconfirmed, NotificationKinds.CorroborationRequested, NotificationKinds.CorroborationAnswered,
        NotificationKinds.CalibrationOutcome, NotificationKinds.CalibrationReminder, NotificationKinds.CycleReminder,
    ];

    public static Wording For(string kind) =>
        Kinds.TryGetValue(kind, out var wording) ? wording : new("Other notifications", "You have a new notification", "Something in Vaarst Growth needs your attention.", "Open Vaarst Growth");
}
