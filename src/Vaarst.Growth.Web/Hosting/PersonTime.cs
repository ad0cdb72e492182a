using System.Globalization;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The one place dates and times are formatted for people: every instant is shown in the signed-in person's time zone
/// (from their browser on a first visit, editable on the profile page), every date in one format. Scoped: loaded once
/// per circuit (or prerendered request) by <see cref="CurrentActor"/>; UTC until the person's zone is known.
/// </summary>
public sealed class PersonTime(TimeProvider clock)
{
    /// <summary>The one date format, for text and for date pickers alike (e.g. "5 Dec 2026").</summary>
    public const string DateFormat = "d MMM yyyy";

    /// <summary>Month names and pickers in British English, whatever the server's culture.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The person's zone; UTC until loaded.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Whether the person has a stored zone (false: the browser's zone may be offered).</summary>
    public bool IsKnown { get; private set; }

    /// <summary>Whether the person's preference has been read in this scope.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Uses the stored IANA zone, or UTC when there is none (or it is no longer known to the server).</summary>
    public void Use(string? timeZone)
    {
        var zone = Vaarst.Growth.Core.People.TimeZones.Find(timeZone);
        Zone = zone ?? TimeZoneInfo.Utc;
        IsKnown = zone is not null;
        IsLoaded = true;
    }

    /// <summary>A calendar date (no time of day): the same date in every zone.</summary>
    public string Date(DateOnly date) => date.ToString(DateFormat, Culture);

    /// <summary>The date of an instant stored in UTC, as it was in the person's zone.</summary>
    public string Date(DateTime utc) => Local(utc).ToString(DateFormat, Culture);

    /// <summary>An instant stored in UTC, in the person's zone: "5 Dec 2026 14:30".</summary>
    public string DateTime(DateTime utc) => Local(utc).ToString(DateFormat + " HH:mm", Culture);

    /// <summary>Today in the person's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The zone's name as people read it, e.g. "Europe/London".</summary>
    public string ZoneName => Zone.Id;

    private System.DateTime Local(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
