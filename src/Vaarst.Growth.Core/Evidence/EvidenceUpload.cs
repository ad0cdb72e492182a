namespace Vaarst.Growth.Core.Evidence;

/// <summary>Checks and stores an uploaded evidence file: type by content first, then size while saving.</summary>
public static class EvidenceUpload
{
    /// <summary>
    /// Detects the file type from the first <see cref="EvidenceFileTypes.HeadSize"/> bytes, then saves the whole of
    /// <paramref name="content"/> (need not be seekable) with the <paramref name="maxBytes"/> cap. Throws
    /// <see cref="ValidationException"/> for an empty file, a type that is not allowed or a file that is too large; a
    /// refused upload leaves nothing in the store. Returns the stored file, its type and the sanitised file name.
    /// </summary>
    public static async Task<(StoredEvidenceFile File, EvidenceFileType Type, string FileName)> StoreAsync(
        IEvidenceFileStore store, Stream content, string? fileName, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(content);

        var safeName = SafeFileName.From(fileName);
        var head = new byte[EvidenceFileTypes.HeadSize];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0)
        {
            throw new ValidationException($"'{safeName}' is empty.");
        }

        var type = EvidenceFileTypes.Detect(head.AsSpan(0, headLength), safeName)
            ?? throw new ValidationException($"'{safeName}' is not an allowed file type. Allowed: {EvidenceFileTypes.Describe()}.");

        await using var whole = new PrefixedStream(head.AsMemory(0, headLength), content);
        var file = await store.SaveAsync(whole, maxBytes, ct);
        return (file, type, safeName);
    }
}
