using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Everything the panel reads of a candidate, by name (views hide names where the reader may not see them): what a
/// <see cref="DossierSnapshot"/> freezes at the start of a session, and what is read live before it.
/// </summary>
public sealed record CandidateRecord(string Name, string? ManagerName, int? CraftId, string? Specialism, GapCounts Overall, IReadOnlyList<RecordArea> Areas);

/// <param name="EvidenceCount">Distinct pieces of (non-archived) evidence supporting the area's statements.</param>
public sealed record RecordArea(string Section, bool AppliesToAll, string Anchor, string Name, bool IsDefined, GapCounts Counts, int EvidenceCount,
    DateOnly? LatestEvidence, IReadOnlyList<RecordStatement> Statements);

/// <param name="Rating">The engineer's self-rating, as stored (null when they have no item on the statement).</param>
public sealed record RecordStatement(int StatementId, string Text, GapState State, string? Rating, IReadOnlyList<RecordEvidence> Evidence,
    IReadOnlyList<DossierComment> Comments);

/// <param name="ContentHash">The evidence's own content hash (for a file, over its bytes), so the record names exactly what was seen.</param>
public sealed record RecordEvidence(EvidenceView View, string ContentHash);

/// <summary>Reads a candidate's record from live data, freezes it and compares it with what is live now.</summary>
internal static class CandidateRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The candidate's record now, against <paramref name="targetLevel"/>; null when they have no record to read.</summary>
    public static async Task<CandidateRecord?> ReadLiveAsync(GrowthDbContext db, int candidateId, int nominatedById, int targetLevel, CancellationToken cancellationToken)
    {
        var gap = await GetGap.ReadAsync(db, candidateId, targetLevel, readable: null, own: false, cancellationToken, withName: true);
        if (gap is null)
        {
            return null;
        }

        var itemIds = gap.Areas.SelectMany(a => a.Statements).Where(s => s.ItemId is not null).Select(s => s.ItemId!.Value).ToList();
        var supports = await db.EvidenceSupports.AsNoTracking()
            .Where(s => itemIds.Contains(s.ChecklistItemId) && !s.Evidence!.IsArchived)
            .Select(s => new { s.ChecklistItemId, s.EvidenceId, s.Evidence!.ContentHash })
            .ToListAsync(cancellationToken);
        // Only the evidence supporting the statements, not the candidate's whole library.
        var supporting = supports.Select(e => e.EvidenceId).Distinct().ToList();
        var views = (await EvidenceView.ReadAsync(db,
                db.Evidence.AsNoTracking().Where(e => e.OwnerId == candidateId && !e.IsArchived && supporting.Contains(e.Id)),
                // Colleagues who corroborated are left unnamed in the record: it is read blind as well as by name.
                colleagueNames: false, cancellationToken))
            .ToDictionary(v => v.Id, v => v with { Supports = [] });
        var hashes = supports.GroupBy(s => s.EvidenceId).ToDictionary(g => g.Key, g => g.First().ContentHash);
        var ratings = await db.ChecklistItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Rating }).ToDictionaryAsync(i => i.Id, i => i.Rating, cancellationToken);
        var comments = await db.ReviewDecisions.AsNoTracking()
            .Where(d => itemIds.Contains(d.ChecklistItemId) && d.Comment != null)
            .OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id)
            .Select(d => new { d.ChecklistItemId, Reviewer = d.Reviewer!.Name, d.Kind, d.Comment, d.DecidedAtUtc })
            .ToListAsync(cancellationToken);
        var manager = await db.People.Where(p => p.Id == nominatedById).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var craftId = await db.People.Where(p => p.Id == candidateId).Select(p => p.CraftId).FirstOrDefaultAsync(cancellationToken);

        var evidenceByItem = supports.ToLookup(e => e.ChecklistItemId, e => e.EvidenceId);
        var commentsByItem = comments.ToLookup(c => c.ChecklistItemId);
        var areas = gap.Sections.SelectMany(section => section.Areas.Select(area =>
        {
            var statements = area.Statements.Select(st => new RecordStatement(st.StatementId, st.Text, st.State,
                st.ItemId is { } id ? ratings.GetValueOrDefault(id).ToString() : null,
                st.ItemId is { } itemId
                    ? evidenceByItem[itemId].Distinct().Where(views.ContainsKey).Select(e => views[e]).OrderByDescending(v => v.WorkDate).ThenByDescending(v => v.Id)
                        .Select(v => new RecordEvidence(v, hashes[v.Id])).ToList()
                    : [],
                st.ItemId is { } commented
                    ? commentsByItem[commented].Select(c => new DossierComment(c.Reviewer, c.Kind, c.Comment!, c.DecidedAtUtc)).ToList()
                    : [])).ToList();
            var evidence = statements.SelectMany(s => s.Evidence).DistinctBy(e => e.View.Id).ToList();
            return new RecordArea(section.Name, section.AppliesToAll, area.Anchor, area.Name, area.IsDefined, area.Counts, evidence.Count,
                evidence.Count == 0 ? null : evidence.Max(e => e.View.WorkDate), statements);
        })).ToList();
        return new CandidateRecord(gap.PersonName, manager, craftId, gap.Specialism, gap.Overall, areas);
    }

    public static string Serialize(CandidateRecord record) => JsonSerializer.Serialize(record, Json);

    public static CandidateRecord Deserialize(string content) => JsonSerializer.Deserialize<CandidateRecord>(content, Json)!;

    /// <summary>SHA-256 of the stored content, lower-case hex: the same record always has the same hash.</summary>
    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>How many statements read differently now than in <paramref name="frozen"/> (changed, added or gone).</summary>
    public static int ChangesSince(CandidateRecord frozen, CandidateRecord live)
    {
        var before = frozen.Areas.SelectMany(a => a.Statements).ToDictionary(s => s.StatementId, s => JsonSerializer.Serialize(s, Json));
        var now = live.Areas.SelectMany(a => a.Statements).ToDictionary(s => s.StatementId, s => JsonSerializer.Serialize(s, Json));
        return before.Keys.Union(now.Keys).Count(id => !before.TryGetValue(id, out var b) || !now.TryGetValue(id, out var n) || b != n);
    }
}
