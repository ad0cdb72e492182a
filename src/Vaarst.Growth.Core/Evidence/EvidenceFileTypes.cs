using System.Text;
using System.Text.Unicode;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>An allowed kind of uploaded evidence file and the content type it is served with.</summary>
public sealed record EvidenceFileType(string Name, string ContentType);

/// <summary>
/// Recognises the allowed evidence file types from their content (magic bytes), never from the name alone, so an
/// executable renamed <c>report.pdf</c> is refused.
/// </summary>
public static class EvidenceFileTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs; a shorter head means the whole file.</summary>
    public const int HeadSize = 8 * 1024;

    public static readonly EvidenceFileType Pdf = new("PDF", "application/pdf");
    public static readonly EvidenceFileType Png = new("PNG image", "image/png");
    public static readonly EvidenceFileType Jpeg = new("JPEG image", "image/jpeg");
    public static readonly EvidenceFileType Zip = new("ZIP archive", "application/zip");
    public static readonly EvidenceFileType JupyterNotebook = new("Jupyter notebook", "application/x-ipynb+json");
    public static readonly EvidenceFileType Markdown = new("Markdown", "text/markdown");
    public static readonly EvidenceFileType Csv = new("CSV", "text/csv");
    public static readonly EvidenceFileType Text = new("Text", "text/plain");

    // A browser opening one of these (even after download) may run it as a page or script, whatever the content.
    private static readonly HashSet<string> ActiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
        ".js", ".mjs", ".hta",
    };

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;
    private static ReadOnlySpan<byte> EmptyZipMagic => "PK\u0005\u0006"u8;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The type of a file from <paramref name="head"/> (its first <see cref="HeadSize"/> bytes, or all of it when
    /// shorter) and its name; <c>null</c> when the file is not allowed (unknown content, empty, or an active-content
    /// extension such as .html/.svg/.js).
    /// </summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        var extension = Path.GetExtension(SafeFileName.From(fileName)).ToLowerInvariant();
        if (head.IsEmpty || ActiveExtensions.Contains(extension))
        {
            return null;
        }

        if (head.StartsWith(PdfMagic)) return Pdf;
        if (head.StartsWith(PngMagic)) return Png;
        if (head.StartsWith(JpegMagic)) return Jpeg;
        if (head.StartsWith(ZipMagic) || head.StartsWith(EmptyZipMagic)) return Zip;

        if (!IsText(head))
        {
            return null;
        }

        return extension switch
        {
            ".ipynb" when LooksLikeNotebook(head) => JupyterNotebook,
            ".md" or ".markdown" => Markdown,
            ".csv" => Csv,
            _ => Text,
        };
    }

    /// <summary>The extension for a stored content type (".pdf"…), or none for a type this app did not recognise.</summary>
    public static string ExtensionFor(string? contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "application/zip" => ".zip",
        "application/x-ipynb+json" => ".ipynb",
        "text/markdown" => ".md",
        "text/csv" => ".csv",
        "text/plain" => ".txt",
        _ => "",
    };

    /// <summary>The allowed types, for messages: "PDF, PNG, JPEG, text, Markdown, CSV, Jupyter notebook or ZIP".</summary>
    public static string Describe() => "PDF, PNG, JPEG, text, Markdown, CSV, Jupyter notebook or ZIP";

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f'))
            {
                return false;
            }
        }

        return Utf8.IsValid(head.Length >= HeadSize - Utf8Bom.Length ? WithoutCutCharacter(head) : head);
    }

    // A full head may end in the middle of a multi-byte character; that is not invalid UTF-8.
    private static ReadOnlySpan<byte> WithoutCutCharacter(ReadOnlySpan<byte> head)
    {
        for (var back = 1; back <= Math.Min(4, head.Length); back++)
        {
            var b = head[^back];
            if ((b & 0b1100_0000) == 0b1000_0000)
            {
                continue; // continuation byte: keep looking for the lead byte
            }

            var needed = b >= 0b1111_0000 ? 4 : b >= 0b1110_0000 ? 3 : b >= 0b1100_0000 ? 2 : 1;
            return needed > back ? head[..^back] : head;
        }

        return head;
    }

    private static bool LooksLikeNotebook(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('{')
            && (text.Contains("\"nbformat\"", StringComparison.Ordinal) || text.Contains("\"cells\"", StringComparison.Ordinal));
    }
}
