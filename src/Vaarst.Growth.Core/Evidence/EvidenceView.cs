using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>A piece of evidence as pages show it. Notes are shown only through <see cref="NoteRenderer"/>.</summary>
public sealed record EvidenceView(
    int Id,
    EvidenceKind Kind,
    string Title,
    DateOnly WorkDate,
    string? Description,
    string? Url,
    string? LinkKind,
    string? FileName,
    string? ContentType,
    long? FileSize,
    string? NoteMarkdown,
    bool IsArchived,
    int Version,
    IReadOnlyList<SupportedStatement> Supports,
    IReadOnlyList<CorroborationView> Corroborations,
    string? Provider = null,
    string? Repository = null)
{
    public string LinkLabel => LinkKinds.Label(LinkKind);

    /// <summary>How many colleagues confirmed it (also on an earlier version).</summary>
    [JsonIgnore] public int Confirmed => Corroborations.Count(c => c.Status == CorroborationStatus.Confirmed);

    /// <summary>How many colleagues disputed it (also on an earlier version).</summary>
    [JsonIgnore] public int Disputed => Corroborations.Count(c => c.Status == CorroborationStatus.Disputed);

    /// <summary>
    /// Reads the evidence <paramref name="evidence"/> selects, newest work first, with the statements each supports, in
    /// two flat queries. One query with the supports as a nested collection made SQLite materialise every support row of
    /// the organisation (a LEFT JOIN onto a four-table subquery) on each call: 150 ms of CPU for 20,000 pieces of
    /// evidence, where these two read only the rows asked for (docs/performance.md). A third reads the colleagues'
    /// answers (<see cref="CorroborationView.ReadAsync"/>): by name, or name-free for a blind reader.
    /// </summary>
    public static async Task<List<EvidenceView>> ReadAsync(GrowthDbContext db, IQueryable<EvidenceEntry> evidence, bool colleagueNames, CancellationToken cancellationToken)
    {
        var rows = await evidence
            .OrderByDescending(e => e.WorkDate).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceView(
                e.Id, e.Kind, e.Title, e.WorkDate, e.Description, e.Url, e.LinkKind, e.FileName, e.ContentType, e.FileSize, e.NoteMarkdown,
                e.IsArchived, e.Version, Array.Empty<SupportedStatement>(), Array.Empty<CorroborationView>(), e.Provider, e.Repository))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var supports = (await db.EvidenceSupports.AsNoTracking()
                .Where(s => ids.Contains(s.EvidenceId))
                .Select(s => new
                {
                    s.EvidenceId,
                    s.ChecklistItem!.Statement!.Order,
                    Statement = new SupportedStatement(s.ChecklistItemId, s.ChecklistItem.StatementId, s.ChecklistItem.Statement.Text, s.ChecklistItem.Statement.Area!.Name),
                })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.Order).ThenBy(s => s.Statement.ItemId)
            .ToLookup(s => s.EvidenceId, s => s.Statement);
        var corroborations = await CorroborationView.ReadAsync(db, ids, colleagueNames, cancellationToken);
        return rows.Select(r => r with
        {
            Supports = supports.Contains(r.Id) ? supports[r.Id].ToList() : r.Supports,
            Corroborations = corroborations.Contains(r.Id) ? corroborations[r.Id].ToList() : r.Corroborations,
        }).ToList();
    }
}

/// <summary>A statement a piece of evidence supports, through the engineer's item.</summary>
public sealed record SupportedStatement(int ItemId, int StatementId, string Text, string AreaName);
