using System.Globalization;
using System.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Turns an uploaded file's name into one that is safe to store, show and offer as a download name.</summary>
public static class SafeFileName
{
    public const int MaxLength = 120;
    public const string Fallback = "evidence";

    private static readonly string[] WindowsDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>
    /// The last path segment of <paramref name="fileName"/> without control, format (e.g. right-to-left override) or
    /// Windows/Linux-invalid characters, trimmed of dots and spaces, at most <see cref="MaxLength"/> characters with its
    /// extension kept; <see cref="Fallback"/> when nothing is left.
    /// </summary>
    public static string From(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Fallback;
        }

        var lastSegment = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(lastSegment.Length);
        for (var i = 0; i < lastSegment.Length; i++)
        {
            var c = lastSegment[i];
            if (char.IsHighSurrogate(c) && i + 1 < lastSegment.Length && char.IsLowSurrogate(lastSegment[i + 1]))
            {
                kept.Append(c).Append(lastSegment[++i]);
            }
            else if (!IsRefused(c))
            {
                kept.Append(c);
            }
        }

        var name = kept.ToString().Trim('.', ' ');
        if (name.Length > MaxLength)
        {
            name = Shorten(name);
        }

        if (name.Length == 0)
        {
            return Fallback;
        }

        var stem = name.Split('.')[0];
        return WindowsDeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase) ? $"{Fallback}-{name}" : name;
    }

    private static bool IsRefused(char c) =>
        char.IsSurrogate(c) // unpaired
        || char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
        || c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*';

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = string.Empty; // not a real extension, just a long name containing a dot
        }

        var stemLength = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return (name[..stemLength].TrimEnd('.', ' ') + extension).Trim('.', ' ');
    }
}
