using System.ComponentModel.DataAnnotations;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>The <c>Evidence</c> configuration section.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";
    public const long DefaultMaxFileBytes = 20 * 1024 * 1024;
    public const string FileSystemStore = "FileSystem";
    public const string AzureBlobStore = "AzureBlob";

    /// <summary>Where uploaded files are kept: <c>FileSystem</c> (default, <see cref="FileStorePath"/>) or <c>AzureBlob</c> (several app instances).</summary>
    public string Store { get; set; } = FileSystemStore;

    /// <summary>The Azure Storage connection string, when <see cref="Store"/> is <c>AzureBlob</c>.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>The blob container of evidence files, when <see cref="Store"/> is <c>AzureBlob</c>; created if missing.</summary>
    public string BlobContainer { get; set; } = "evidence";

    /// <summary>Folder of the uploaded-file store; a relative path is resolved against the content root.</summary>
    [Required]
    public string FileStorePath { get; set; } = "App_Data/evidence";

    /// <summary>The largest file an engineer may upload, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>How long a request to corroborate evidence stays open before it expires, in days.</summary>
    [Range(1, 365)]
    public int CorroborationExpiryDays { get; set; } = 14;

    /// <summary>The absolute store folder: <see cref="FileStorePath"/> itself when rooted, else under <paramref name="contentRoot"/>.</summary>
    public string ResolveFileStorePath(string contentRoot) => Path.GetFullPath(FileStorePath, Path.GetFullPath(contentRoot));
}
