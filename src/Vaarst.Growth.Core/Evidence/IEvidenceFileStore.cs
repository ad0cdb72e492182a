namespace Vaarst.Growth.Core.Evidence;

/// <summary>A file kept by the evidence store, named by the lowercase hex SHA-256 of its content.</summary>
public sealed record StoredEvidenceFile(string Sha256, long Size);

/// <summary>Content-addressed storage for uploaded evidence files: the same bytes are stored once, under their SHA-256.</summary>
public interface IEvidenceFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (read to its end; need not be seekable). Throws <see cref="ValidationException"/>
    /// and keeps nothing when it is longer than <paramref name="maxBytes"/>. Saving the same content again is harmless.
    /// </summary>
    Task<StoredEvidenceFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>The stored file to read (caller disposes), or <c>null</c> when absent or <paramref name="sha256"/> is not 64 lowercase hex digits.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    /// <summary>Whether the file is stored; <c>false</c> when <paramref name="sha256"/> is not 64 lowercase hex digits.</summary>
    Task<bool> ExistsAsync(string sha256, CancellationToken ct);
}
