using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class AzureBlobEvidenceFileStoreTests(Azurite azurite) : IClassFixture<Azurite>
{
    private const long TwentyMegabytes = 20 * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A container per test, so each test sees only its own blobs.
    private readonly AzureBlobEvidenceFileStore _store = new(azurite.ConnectionString, "evidence-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task SaveAsync_content_stored_as_a_blob_named_by_its_sha256_and_opened_by_hash()
    {
        var content = "evaluation report"u8.ToArray();
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(content));

        var stored = await _store.SaveAsync(new MemoryStream(content), TwentyMegabytes, Ct);

        Assert.Equal(new StoredEvidenceFile(expectedHash, content.Length), stored);
        Assert.Equal([expectedHash], await BlobNamesAsync());
        Assert.True(await _store.ExistsAsync(expectedHash, Ct));
        await using var read = await _store.OpenReadAsync(expectedHash, Ct);
        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_same_content_twice_keeps_one_blob_with_same_hash()
    {
        var first = await _store.SaveAsync(new MemoryStream("same bytes"u8.ToArray()), TwentyMegabytes, Ct);
        var second = await _store.SaveAsync(new MemoryStream("same bytes"u8.ToArray()), TwentyMegabytes, Ct);

        Assert.Equal(first, second);
        Assert.Equal([first.Sha256], await BlobNamesAsync());
    }

    [Fact]
    public async Task SaveAsync_unseekable_stream_of_several_megabytes_is_hashed_while_streamed()
    {
        var content = new GeneratedStream(5 * 1024 * 1024 + 17, "%PDF-1.7"u8.ToArray());

        var stored = await _store.SaveAsync(content, TwentyMegabytes, Ct);

        Assert.Equal(5 * 1024 * 1024 + 17, stored.Size);
        var properties = await _store.Container.GetBlobClient(stored.Sha256).GetPropertiesAsync(cancellationToken: Ct);
        Assert.Equal(stored.Size, properties.Value.ContentLength);
        await using var read = await _store.OpenReadAsync(stored.Sha256, Ct);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(read!, Ct)));
    }

    [Fact]
    public async Task SaveAsync_over_the_limit_is_refused_and_leaves_nothing()
    {
        var content = new GeneratedStream(1024 * 1024 + 1);
        var temporaryFiles = TemporaryUploads();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => _store.SaveAsync(content, 1024 * 1024, Ct));

        Assert.Contains("1 MB", refusal.Message);
        Assert.True(content.BytesRead <= 1024 * 1024 + 81_920, "The upload stops reading soon after the limit.");
        Assert.Empty(await BlobNamesAsync());
        Assert.Equal(temporaryFiles, TemporaryUploads());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public async Task OpenReadAsync_and_ExistsAsync_unknown_or_malformed_hash_find_nothing(string sha256)
    {
        await _store.SaveAsync(new MemoryStream("something"u8.ToArray()), TwentyMegabytes, Ct);

        Assert.Null(await _store.OpenReadAsync(sha256, Ct));
        Assert.False(await _store.ExistsAsync(sha256, Ct));
    }

    private async Task<List<string>> BlobNamesAsync()
    {
        if (!await _store.Container.ExistsAsync(Ct))
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var blob in _store.Container.GetBlobsAsync(cancellationToken: Ct))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static string[] TemporaryUploads() => Directory.GetFiles(Path.GetTempPath(), "vaarst-evidence-*.tmp").Order().ToArray();
}
