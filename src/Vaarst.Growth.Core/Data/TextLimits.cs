using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Vaarst.Growth.Core.Data;

/// <summary>
/// Every text column's length limit, in one place: the EF configurations (<c>HasMaxLength</c>), the framework parser
/// and the use cases' validation read these, so a value that is too long is refused with a clear message before it
/// reaches the database. SQLite ignores lengths and SQL Server refuses with "String or binary data would be
/// truncated"; <see cref="EnsureWithinLimits"/> makes both refuse the same way at save time.
/// </summary>
public static class TextLimits
{
    // Framework
    public const int FrameworkName = 200;
    public const int CraftName = 200;
    public const int LevelTitle = 200;
    public const int Permalink = 500;
    public const int SourceFile = 1000;
    public const int SectionName = 200;
    public const int AreaName = 300;
    public const int AreaAnchor = 300;
    public const int AreaLink = 1000;
    public const int StatementText = 4000;
    public const int FrameworkSource = 1000;
    public const int FrameworkSummary = 4000;

    // People
    public const int PersonName = 200;
    public const int Email = 320;
    public const int EntraObjectId = 64;
    public const int Specialism = 200;
    public const int TimeZone = 64;

    // Evidence
    public const int EvidenceTitle = 300;
    public const int EvidenceDescription = 4000;
    public const int Url = 2048;
    public const int LinkKind = 64;
    public const int FileName = 255;
    public const int ContentType = 128;
    public const int Sha256Hex = 64;
    public const int CorroborationQuestion = 500;
    public const int CorroborationNote = 2000;
    public const int Provider = 32;
    public const int ExternalId = 300;
    public const int Repository = 300;
    public const int GitHubLogin = 100;
    public const int ProtectedSecret = 4000;

    // Review
    public const int Reason = 1000;
    public const int Comment = 4000;

    // Calibration
    public const int SessionName = 200;
    public const int LongText = 4000;
    public const int Alias = 8;

    // Audit and notifications
    public const int AuditType = 64;
    public const int AuditSubject = 64;
    public const int AuditSummary = 1000;
    public const int NotificationKind = 64;
    public const int NotificationTitle = 500;
    public const int NotificationLink = 500;
    public const int OutboxChannel = 16;
    public const int OutboxError = 500;
    public const int OutboxPayload = 4000;
    public const int OutboxDigestDate = 10;

    /// <summary>Stored enum names (e.g. <c>SignedOff</c>).</summary>
    public const int ShortCode = 16;
    public const int Code = 32;

    /// <summary>
    /// Refuses a save when any added or changed text is longer than its column allows, naming the field. Use cases
    /// validate their own input first with friendlier words; this is the net under every write, on both providers.
    /// </summary>
    public static void EnsureWithinLimits(ChangeTracker changeTracker)
    {
        List<string>? errors = null;
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string)
                    && property.Metadata.GetMaxLength() is { } max
                    && property.CurrentValue is string text
                    && text.Length > max
                    && (entry.State == EntityState.Added || property.IsModified))
                {
                    (errors ??= []).Add(
                        $"The {Words(entry.Metadata.ClrType.Name)} {Words(property.Metadata.Name)} is {text.Length:N0} characters long; the limit is {max:N0}. Nothing was saved.");
                }
            }
        }

        if (errors is not null)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary><c>EvidenceEntry</c> → "evidence entry", <c>NotApplicableReason</c> → "not applicable reason".</summary>
    private static string Words(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(pascal[i]));
        }

        return words.ToString();
    }
}
