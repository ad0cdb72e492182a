using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// Keeps evidence files on disk as <c>&lt;root&gt;/&lt;first 2 hex&gt;/&lt;sha256&gt;</c>. Uploads are written to a temporary
/// file in the root (same volume, so the final move is atomic) and only named by their hash once complete.
/// </summary>
public sealed class FileSystemEvidenceFileStore(string rootFolder) : IEvidenceFileStore
{
    private const int BufferSize = 81_920;
    private readonly string _root = Path.GetFullPath(rootFolder);

    public string RootFolder => _root;

    public async Task<StoredEvidenceFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        Directory.CreateDirectory(_root);
        var temporary = Path.Combine(_root, $".upload-{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new ValidationException($"The file is larger than the {FormatLimit(maxBytes)} limit.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var destination = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                File.Move(temporary, destination, overwrite: false);
            }
            catch (IOException) when (File.Exists(destination))
            {
                // Same content already stored (perhaps by a concurrent upload): the existing file is identical.
            }

            return new StoredEvidenceFile(sha256, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            DeleteQuietly(temporary); // no-op once moved
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!IsSha256(sha256))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(IsSha256(sha256) && File.Exists(PathOf(sha256)));
    }

    /// <summary>Whether <paramref name="value"/> is exactly 64 lowercase hex digits, the only names the store has.</summary>
    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    internal static string FormatLimit(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Never hide the reason the upload failed behind a clean-up failure.
        }
    }

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);
}
