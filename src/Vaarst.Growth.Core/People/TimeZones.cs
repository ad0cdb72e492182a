namespace Vaarst.Growth.Core.People;

/// <summary>The IANA time zones people may choose (the server's own list), by id.</summary>
public static class TimeZones
{
    /// <summary>Every zone with an IANA id no longer than the stored limit, ordered by id.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
        .Where(id => id.Length <= Data.TextLimits.TimeZone && id.Contains('/'))
        .Append("UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The zone with this IANA id, or null when the id is empty, too long or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > Data.TextLimits.TimeZone)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId ? zone : null;
    }
}
