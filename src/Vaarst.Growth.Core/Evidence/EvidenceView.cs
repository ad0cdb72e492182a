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
    IReadOnlyList<SupportedStatement> Supports)
{
    public string LinkLabel => LinkKinds.Label(LinkKind);

    /// <summary>
    /// Reads the evidence <paramref name="evidence"/> selects, newest work first, with the statements each supports, in
    /// two flat queries. One query with the supports as a nested collection made SQLite materialise every support row of
    /// the organisation (a LEFT JOIN onto a four-table subquery) on each call: 150 ms of CPU for 20,000 pieces of
    /// evidence, where these two read only the rows asked for (docs/performance.md).
    /// </summary>
    public static async Task<List<EvidenceView>> ReadAsync(GrowthDbContext db, IQueryable<EvidenceEntry> evidence, CancellationToken cancellationToken)
    {
        var rows = await evidence
            .OrderByDescending(e => e.WorkDate).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceView(
                e.Id, e.Kind, e.Title, e.WorkDate, e.Description, e.Url, e.LinkKind, e.FileName, e.ContentType, e.FileSize, e.NoteMarkdown,
                e.IsArchived, e.Version, Array.Empty<SupportedStatement>()))
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
        return rows.Select(r => supports.Contains(r.Id) ? r with { Supports = supports[r.Id].ToList() } : r).ToList();
    }
}

/// <summary>A statement a piece of evidence supports, through the engineer's item.</summary>
public sealed record SupportedStatement(int ItemId, int StatementId, string Text, string AreaName);
