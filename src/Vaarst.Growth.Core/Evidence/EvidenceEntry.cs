using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    Link = 0,
    File = 1,
    Note = 2,
}

/// <summary>
/// One piece of evidence in an engineer's evidence library (a link, an uploaded file or a Markdown note).
/// It is archived, never deleted, by user actions.
/// </summary>
public sealed class EvidenceEntry : IVersioned
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public Person? Owner { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly WorkDate { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    /// <summary>A recognised link kind such as "GitHubPullRequest" or "MlflowRun"; "Link" otherwise.</summary>
    public string? LinkKind { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    /// <summary>SHA-256 of the uploaded file; also its key in the evidence file store.</summary>
    public string? FileSha256 { get; set; }
    public string? NoteMarkdown { get; set; }
    /// <summary>A hash of everything a reviewer judges (title, date, description, link, file, note); sign-offs record it.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Where it was imported from ("GitHub"); null when the engineer added it by hand.</summary>
    public string? Provider { get; set; }
    /// <summary>The provider's identity of the work ("github.com/vaarst/edge#12"): unique with <see cref="Provider"/>, so a re-import adds nothing.</summary>
    public string? ExternalId { get; set; }
    /// <summary>The repository of imported work ("vaarst/edge").</summary>
    public string? Repository { get; set; }
    public bool IsArchived { get; set; }
    public DateTime? ArchivedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<EvidenceSupport> Supports { get; set; } = [];
    public List<Corroboration> Corroborations { get; set; } = [];
}
