using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// Keeps evidence files in an Azure Blob Storage container, each blob named by the lowercase hex SHA-256 of its
/// content, so several app instances share one store. An upload is spooled to a local temporary file while it is
/// hashed and held to the size limit, and only then uploaded under its hash: a refused or cancelled upload never
/// reaches the container (no temporary blob to clean up, no server-side copy that needs extra authorization).
/// </summary>
public sealed class AzureBlobEvidenceFileStore(BlobContainerClient container) : IEvidenceFileStore
{
    private const int BufferSize = 81_920;
    private volatile bool _containerExists;

    public AzureBlobEvidenceFileStore(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName))
    {
    }

    public BlobContainerClient Container => container;

    public async Task<StoredEvidenceFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        var temporary = Path.Combine(Path.GetTempPath(), $"vaarst-evidence-{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var spool = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw new ValidationException($"The file is larger than the {FileSystemEvidenceFileStore.FormatLimit(maxBytes)} limit.");
                }

                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            spool.Position = 0;
            await EnsureContainerAsync(ct);
            try
            {
                await container.GetBlobClient(sha256).UploadAsync(spool, new BlobUploadOptions
                {
                    // Never overwrite: the blob under this name already holds exactly these bytes.
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                }, ct);
            }
            catch (RequestFailedException e) when (e.Status == 409 || e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
            {
                // Same content already stored (perhaps by a concurrent upload on another instance).
            }

            return new StoredEvidenceFile(sha256, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        if (!FileSystemEvidenceFileStore.IsSha256(sha256))
        {
            return null;
        }

        try
        {
            return await container.GetBlobClient(sha256).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct) =>
        FileSystemEvidenceFileStore.IsSha256(sha256) && (await container.GetBlobClient(sha256).ExistsAsync(ct)).Value;

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (!_containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            _containerExists = true;
        }
    }
}
