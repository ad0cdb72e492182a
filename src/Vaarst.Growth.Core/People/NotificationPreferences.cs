namespace Vaarst.Growth.Core.People;

/// <summary>Which delivery holds for a person and a kind: their own choice, else the kind's default.</summary>
public static class NotificationPreferences
{
    /// <summary>Decisions and requests reach people at once; everything else waits for the daily digest.</summary>
    public static NotificationDelivery DefaultFor(string kind) => kind switch
    {
        NotificationKinds.ItemSignedOff or NotificationKinds.ChangesRequested or NotificationKinds.SignOffRevoked or NotificationKinds.DecisionUndone
            or NotificationKinds.ItemSubmitted or NotificationKinds.ReconfirmationNeeded
            or NotificationKinds.CorroborationRequested => NotificationDelivery.Immediately,
        _ => NotificationDelivery.DailyDigest,
    };

    public static NotificationDelivery DeliveryOf(IEnumerable<NotificationPreference> chosen, int personId, string kind) =>
        chosen.FirstOrDefault(p => p.PersonId == personId && p.Kind == kind)?.Delivery ?? DefaultFor(kind);
}
