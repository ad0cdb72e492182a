using System.Security.Cryptography;
using System.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// The hash of everything a reviewer judges in a piece of evidence. A sign-off records it, so any later edit
/// (title, date, description, link, file or note) is detectable.
/// </summary>
public static class EvidenceFingerprint
{
    public static string Compute(EvidenceEntry evidence)
    {
        var canonical = string.Join('\u001f',
            evidence.Kind.ToString(),
            evidence.Title,
            evidence.WorkDate.ToString("yyyy-MM-dd"),
            evidence.Description ?? string.Empty,
            evidence.Url ?? string.Empty,
            evidence.FileSha256 ?? string.Empty,
            evidence.FileName ?? string.Empty,
            evidence.NoteMarkdown ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The hash of an item's evidence basis (which evidence, and each one's <see cref="Compute"/> hash). The review
    /// page shows it and a decision carries it back, so a decision on a view older than the evidence is refused.
    /// </summary>
    public static string OfBasis(IEnumerable<(int EvidenceId, string ContentHash)> basis)
    {
        var canonical = string.Join('\u001e', basis.OrderBy(b => b.EvidenceId).Select(b => $"{b.EvidenceId}\u001f{b.ContentHash}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
