using System.Text.RegularExpressions;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Decides which links may be evidence: absolute http(s) addresses only, so a link can never run script.</summary>
public static partial class EvidenceLinkPolicy
{
    public const int MaxLength = Data.TextLimits.Url;

    /// <summary>
    /// Returns the normalised absolute form of <paramref name="url"/>, or throws <see cref="ValidationException"/>
    /// (message written for the person who typed the link) when it is not an absolute http or https link with a host.
    /// </summary>
    public static string Normalise(string? url)
    {
        // Browsers strip leading/trailing C0 controls and spaces, and tabs/newlines anywhere, before reading the
        // scheme ("\u0001java\tscript:" is javascript:), so the scheme is judged the same way.
        var trimmed = (url ?? string.Empty).Trim(BrowserIgnoredAtEnds);
        if (trimmed.Length == 0)
        {
            throw new ValidationException("Enter the link (an address starting with https://).");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new ValidationException($"The link is longer than {MaxLength} characters.");
        }

        var probe = trimmed.Replace("\t", string.Empty).Replace("\r", string.Empty).Replace("\n", string.Empty);
        var scheme = Scheme().Match(probe);
        if (!scheme.Success)
        {
            throw new ValidationException(probe.StartsWith("//", StringComparison.Ordinal) || probe.StartsWith(@"\\", StringComparison.Ordinal)
                ? "Links starting with '//' are refused; enter the full address starting with https://."
                : "Enter the full address of the link, starting with https:// (for example https://github.com/org/repo/pull/1).");
        }

        var schemeName = scheme.Groups["scheme"].Value.ToLowerInvariant();
        if (schemeName is not ("http" or "https"))
        {
            throw new ValidationException($"Only http and https links can be evidence; '{schemeName}:' links are refused.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new ValidationException("The link contains control characters (such as tabs or line breaks); remove them.");
        }

        if (!probe.AsSpan(scheme.Length).StartsWith("//", StringComparison.Ordinal)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new ValidationException("This is not a valid web address; enter the full link starting with https://.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ValidationException("Links with a user name or password before the host (user:password@) are refused; remove them.");
        }

        var normalised = uri.AbsoluteUri;
        if (normalised.Length > MaxLength)
        {
            throw new ValidationException($"The link is longer than {MaxLength} characters.");
        }

        return normalised;
    }

    private static readonly char[] BrowserIgnoredAtEnds =
        [.. Enumerable.Range(0, 0x21).Select(c => (char)c), '\u007f', '\u00a0', '\u2028', '\u2029', '\ufeff'];

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
