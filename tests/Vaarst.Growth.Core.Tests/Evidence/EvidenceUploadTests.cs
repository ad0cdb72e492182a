using System.Security.Cryptography;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceUploadTests : IDisposable
{
    private const long TwentyMegabytes = 20 * 1024 * 1024;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StoreAsync_renamed_executable_refused_and_store_left_empty()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, .. new byte[4000]];

        var refusal = await Assert.ThrowsAsync<ValidationException>(
            () => EvidenceUpload.StoreAsync(store, new MemoryStream(exe), "setup.pdf", TwentyMegabytes, Ct));

        Assert.Equal("'setup.pdf' is not an allowed file type. Allowed: PDF, PNG, JPEG, text, Markdown, CSV, Jupyter notebook or ZIP.", refusal.Message);
        Assert.Empty(_folder.AllFiles());
    }

    [Fact]
    public async Task StoreAsync_large_pdf_from_forward_only_stream_stored_whole()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        const long length = 3 * 1024 * 1024 + 17; // well past the head, not a multiple of any buffer
        var expected = HashOf(new GeneratedStream(length, "%PDF-1.4\n"u8.ToArray()));

        var (file, type, fileName) = await EvidenceUpload.StoreAsync(
            store, new GeneratedStream(length, "%PDF-1.4\n"u8.ToArray()), "../reports/Q3 review.pdf", TwentyMegabytes, Ct);

        Assert.Equal(expected, file.Sha256);
        Assert.Equal(length, file.Size);
        Assert.Equal(EvidenceFileTypes.Pdf, type);
        Assert.Equal("Q3 review.pdf", fileName);
        await using var read = await store.OpenReadAsync(file.Sha256, Ct);
        Assert.Equal(expected, HashOf(read!));
    }

    [Fact]
    public async Task StoreAsync_small_markdown_file_stored_with_its_type()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        var content = "# Retro\n\n- shipped the model\n"u8.ToArray();

        var (file, type, fileName) = await EvidenceUpload.StoreAsync(store, new MemoryStream(content), "retro.md", TwentyMegabytes, Ct);

        Assert.Equal(content.Length, file.Size);
        Assert.Equal("text/markdown", type.ContentType);
        Assert.Equal("retro.md", fileName);
        Assert.True(await store.ExistsAsync(file.Sha256, Ct));
    }

    [Fact]
    public async Task StoreAsync_allowed_type_over_the_cap_refused_and_store_left_empty()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);
        var upload = new GeneratedStream(25L * 1024 * 1024, "%PDF-1.7\n"u8.ToArray());

        var refusal = await Assert.ThrowsAsync<ValidationException>(
            () => EvidenceUpload.StoreAsync(store, upload, "big.pdf", TwentyMegabytes, Ct));

        Assert.Contains("20 MB", refusal.Message);
        Assert.Empty(_folder.AllFiles());
    }

    [Fact]
    public async Task StoreAsync_empty_file_refused()
    {
        var store = new FileSystemEvidenceFileStore(_folder.Path);

        var refusal = await Assert.ThrowsAsync<ValidationException>(
            () => EvidenceUpload.StoreAsync(store, new MemoryStream(), "notes.txt", TwentyMegabytes, Ct));

        Assert.Contains("empty", refusal.Message);
        Assert.Empty(_folder.AllFiles());
    }

    private static string HashOf(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));
}
