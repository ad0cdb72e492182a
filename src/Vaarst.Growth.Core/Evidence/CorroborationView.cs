using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// A colleague's answer on a piece of evidence, as pages show it. <paramref name="By"/> is the colleague's name, or
/// "a colleague (Staff engineer)" for a reader who does not see names (a blind calibration session).
/// </summary>
/// <param name="OnEarlierVersion">The evidence was edited after the colleague answered.</param>
public sealed record CorroborationView(string By, CorroborationStatus Status, string? Note, DateTime AnsweredAtUtc, bool OnEarlierVersion)
{
    /// <summary>How a name-free reader sees a colleague: "a colleague", with the title of their level when known.</summary>
    public static string NameFree(string? levelTitle) => string.IsNullOrWhiteSpace(levelTitle) ? "a colleague" : $"a colleague ({levelTitle})";

    /// <summary>
    /// The confirmations and disputes of <paramref name="evidenceIds"/>, oldest first, in one query. Without
    /// <paramref name="colleagueNames"/> no name is read from the database: only the title of the colleague's level.
    /// </summary>
    public static async Task<ILookup<int, CorroborationView>> ReadAsync(GrowthDbContext db, IReadOnlyCollection<int> evidenceIds, bool colleagueNames, CancellationToken cancellationToken)
    {
        var answered = db.Corroborations.AsNoTracking()
            .Where(c => evidenceIds.Contains(c.EvidenceId) && (c.Status == CorroborationStatus.Confirmed || c.Status == CorroborationStatus.Disputed))
            .OrderBy(c => c.AnsweredAtUtc).ThenBy(c => c.Id);
        // Two projections, so the name-free one never mentions a name column in its SQL.
        var rows = colleagueNames
            ? answered.Select(c => new Row(c.EvidenceId, c.Colleague!.Name, c.Status, c.Note, c.AnsweredAtUtc, c.AnsweredContentHash != c.Evidence!.ContentHash))
            : answered.Select(c => new Row(c.EvidenceId,
                NameFree(db.Levels.Where(l => l.CraftId == c.Colleague!.CraftId && l.Number == c.Colleague.CurrentLevel).Select(l => l.Title).FirstOrDefault()),
                c.Status, c.Note, c.AnsweredAtUtc, c.AnsweredContentHash != c.Evidence!.ContentHash));
        return (await rows.ToListAsync(cancellationToken))
            .ToLookup(r => r.EvidenceId, r => new CorroborationView(r.By, r.Status, r.Note, r.AnsweredAtUtc ?? default, r.Earlier));
    }

    private sealed record Row(int EvidenceId, string By, CorroborationStatus Status, string? Note, DateTime? AnsweredAtUtc, bool Earlier);
}
