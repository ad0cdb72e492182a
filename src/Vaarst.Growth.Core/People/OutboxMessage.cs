namespace Vaarst.Growth.Core.People;

/// <summary>
/// A message waiting to leave the app (an e-mail to a person, or a team-level webhook post), written in the same
/// SaveChanges as the change that caused it (ADR 0013). The background sender delivers it, retrying with backoff.
/// It holds kinds and local links only: the wording comes from <see cref="Mail.NotificationWording"/> when it is sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    /// <summary>The person an e-mail goes to; null for a team-level webhook post.</summary>
    public int? RecipientId { get; set; }
    public required string Kind { get; set; }
    /// <summary>A local path to act on it, e.g. <c>/reviews/items/12</c>.</summary>
    public string? Link { get; set; }
    /// <summary>For a digest: the kind and link of each notification it collects, one per line (<c>kind link</c>).</summary>
    public string? Payload { get; set; }
    /// <summary>For a digest: the recipient's local date it is for (yyyy-MM-dd), so each day has one.</summary>
    public string? DigestDate { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAtUtc { get; set; }
    /// <summary>Why it was settled without sending (e-mail switched off, recipient inactive); null when sent or waiting.</summary>
    public string? SkippedReason { get; set; }
}

public static class OutboxChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}
