namespace Vaarst.Growth.Core.People;

/// <summary>How a person wants one kind of notification delivered.</summary>
public enum NotificationDelivery
{
    InAppOnly = 0,
    Immediately = 1,
    DailyDigest = 2,
}

/// <summary>A person's choice for one <see cref="NotificationKinds">kind</see>; without a row the kind's default holds.</summary>
public sealed class NotificationPreference
{
    public int PersonId { get; set; }
    public required string Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }
}
