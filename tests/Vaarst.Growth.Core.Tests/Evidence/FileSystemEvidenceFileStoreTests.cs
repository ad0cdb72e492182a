using System.Security.Cryptography;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class FileSystemEvidenceFileStoreTests : IDisposable
{
    private const long TwentyMegabytes = 20 * 1024 * 1024;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SaveAsync_content_stored_under_its_sha256_and_opened_by_hash()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Combine("store"));
        var content = "evaluation report"u8.ToArray();
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(content));

        var stored = await store.SaveAsync(new MemoryStream(content), TwentyMegabytes, Ct);

        Assert.Equal(new StoredEvidenceFile(expectedHash, content.Length), stored);
        Assert.True(File.Exists(_folder.Combine("store", expectedHash[..2], expectedHash)));
        Assert.True(await store.ExistsAsync(expectedHash, Ct));
        await using var read = await store.OpenReadAsync(expectedHash, Ct);
        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_same_content_twice_keeps_one_file_with_same_hash()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);

        var first = await store.SaveAsync(new MemoryStream("same bytes"u8.ToArray()), TwentyMegabytes, Ct);
        var second = await store.SaveAsync(new MemoryStream("same bytes"u8.ToArray()), TwentyMegabytes, Ct);

        Assert.Equal(first, second);
        Assert.Single(_folder.AllFiles());
    }

    [Fact]
    public async Task SaveAsync_stream_over_the_cap_refused_and_nothing_left_behind()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        var upload = new GeneratedStream(25L * 1024 * 1024);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => store.SaveAsync(upload, TwentyMegabytes, Ct));

        Assert.Equal("The file is larger than the 20 MB limit.", refusal.Message);
        Assert.Empty(_folder.AllFiles());
        Assert.True(upload.BytesRead < 21L * 1024 * 1024, "reading stops soon after the cap");
    }

    [Fact]
    public async Task SaveAsync_stream_exactly_at_the_cap_accepted()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);

        var stored = await store.SaveAsync(new GeneratedStream(1024), 1024, Ct);

        Assert.Equal(1024, stored.Size);
        Assert.True(await store.ExistsAsync(stored.Sha256, Ct));
    }

    [Fact]
    public async Task SaveAsync_missing_root_folder_created()
    {
        var root = _folder.Combine("not", "yet", "there");
        var store = new FileSystemEvidenceFileStore(root);

        var stored = await store.SaveAsync(new MemoryStream([1, 2, 3]), TwentyMegabytes, Ct);

        Assert.True(File.Exists(Path.Combine(root, stored.Sha256[..2], stored.Sha256)));
    }

    [Fact]
    public async Task SaveAsync_cancelled_leaves_nothing_behind()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.SaveAsync(new GeneratedStream(1024), TwentyMegabytes, cancellation.Token));

        Assert.Empty(_folder.AllFiles());
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("abc123")]
    [InlineData("/etc/passwd")]
    public async Task OpenReadAsync_and_ExistsAsync_path_traversal_returns_nothing(string hash)
    {
        // root/<first 2>/<hash> for "../secret" would be root/../../secret.
        var root = _folder.Combine("a", "b", "store");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(_folder.Combine("a", "secret"), "not evidence", Ct);
        var store = new FileSystemEvidenceFileStore(root);

        Assert.False(await store.ExistsAsync(hash, Ct));
        Assert.Null(await store.OpenReadAsync(hash, Ct));
    }

    [Fact]
    public async Task OpenReadAsync_and_ExistsAsync_uppercase_or_short_hash_refused_even_when_file_exists()
    {
        var root = _folder.Path;
        var store = new FileSystemEvidenceFileStore(root);
        var upper = new string('A', 64);
        var shortHash = "ab";
        Directory.CreateDirectory(Path.Combine(root, "AA"));
        await File.WriteAllTextAsync(Path.Combine(root, "AA", upper), "x", Ct);
        Directory.CreateDirectory(Path.Combine(root, "ab"));
        await File.WriteAllTextAsync(Path.Combine(root, "ab", shortHash), "x", Ct);

        Assert.False(await store.ExistsAsync(upper, Ct));
        Assert.Null(await store.OpenReadAsync(upper, Ct));
        Assert.False(await store.ExistsAsync(shortHash, Ct));
        Assert.Null(await store.OpenReadAsync(shortHash, Ct));
    }

    [Fact]
    public async Task OpenReadAsync_valid_hash_not_stored_returns_null_without_creating_root()
    {
        var root = _folder.Combine("absent");
        var store = new FileSystemEvidenceFileStore(root);
        var hash = new string('0', 64);

        Assert.Null(await store.OpenReadAsync(hash, Ct));
        Assert.False(await store.ExistsAsync(hash, Ct));
        Assert.False(Directory.Exists(root));
    }
}
