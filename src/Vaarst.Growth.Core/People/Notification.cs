namespace Vaarst.Growth.Core.People;

/// <summary>An in-app notification: a decision on your item, a new submission to review, an item to re-confirm.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int RecipientId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>A local path to act on it, e.g. <c>/reviews/items/12</c>.</summary>
    public string? Link { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
