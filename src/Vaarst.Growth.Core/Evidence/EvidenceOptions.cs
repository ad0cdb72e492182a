using System.ComponentModel.DataAnnotations;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>The <c>Evidence</c> configuration section.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";
    public const long DefaultMaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Folder of the uploaded-file store; a relative path is resolved against the content root.</summary>
    [Required]
    public string FileStorePath { get; set; } = "App_Data/evidence";

    /// <summary>The largest file an engineer may upload, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The absolute store folder: <see cref="FileStorePath"/> itself when rooted, else under <paramref name="contentRoot"/>.</summary>
    public string ResolveFileStorePath(string contentRoot) => Path.GetFullPath(FileStorePath, Path.GetFullPath(contentRoot));
}
