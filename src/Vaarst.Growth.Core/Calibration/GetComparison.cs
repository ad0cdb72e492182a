using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>A column: one candidate, labelled blind unless the caller may see identities.</summary>
public sealed record ComparisonCandidate(int NominationId, string Label, string? Specialism, GapCounts Overall);

/// <summary>A row: one defined area of the session's target level.</summary>
public sealed record ComparisonArea(string Section, bool AppliesToAll, string Anchor, string Name);

/// <summary>One candidate in one area; null in the grid when the area belongs to another specialism.</summary>
public sealed record ComparisonCell(GapCounts Counts, int EvidenceCount, DateOnly? LatestEvidence);

public sealed record Comparison(int SessionId, string SessionName, int TargetLevel, bool SeesIdentities,
    IReadOnlyList<ComparisonArea> Areas, IReadOnlyList<ComparisonCandidate> Candidates, IReadOnlyList<IReadOnlyList<ComparisonCell?>> Cells);

/// <summary>
/// The side-by-side comparison for a session's panel: areas × candidates with signed-off coverage, evidence count,
/// most recent evidence and items needing re-confirmation. Four queries whatever the number of candidates.
/// </summary>
public sealed class GetComparison(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<Comparison> HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireMemberAsync(db, actor, sessionId, cancellationToken);
        var sees = await SessionAccess.SeesIdentitiesAsync(db, session, me, cancellationToken);
        var candidates = await db.Nominations.AsNoTracking()
            .Where(n => n.SessionId == sessionId)
            .OrderBy(n => n.Alias.Length).ThenBy(n => n.Alias)
            .Select(n => new { n.Id, n.Alias, n.CandidateId, Name = sees ? n.Candidate!.Name : null, n.Candidate!.CraftId, n.Candidate.Specialism })
            .ToListAsync(cancellationToken);
        var crafts = candidates.Where(c => c.CraftId != null).Select(c => c.CraftId!.Value).Distinct().ToList();
        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.RetiredInVersionId == null && s.Area!.RetiredInVersionId == null && s.Area.IsDefined && s.Area.Section!.RetiredInVersionId == null
                && s.Area.Section.Level!.Number == session.TargetLevel && crafts.Contains(s.Area.Section.Level.CraftId))
            .Select(s => new
            {
                s.Id, s.Area!.Section!.Level!.CraftId, Section = s.Area.Section.Name, s.Area.Section.AppliesToAll, SectionOrder = s.Area.Section.Order,
                s.Area.Anchor, Area = s.Area.Name, AreaOrder = s.Area.Order,
            })
            .ToListAsync(cancellationToken);
        var people = candidates.Select(c => c.CandidateId).ToList();
        var items = await db.ChecklistItems.AsNoTracking()
            .Where(i => people.Contains(i.PersonId))
            .Select(i => new
            {
                i.PersonId, i.StatementId, i.Status, i.Rating, i.NeedsReconfirmation,
                Evidence = i.Supports.Where(s => !s.Evidence!.IsArchived).Select(s => new { s.EvidenceId, s.Evidence!.WorkDate }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var areas = statements
            .GroupBy(s => (s.Section, s.AppliesToAll, s.Anchor))
            .OrderBy(g => g.Key.AppliesToAll ? 0 : 1).ThenBy(g => g.Min(s => s.SectionOrder)).ThenBy(g => g.Min(s => s.AreaOrder))
            .Select(g => new ComparisonArea(g.Key.Section, g.Key.AppliesToAll, g.Key.Anchor, g.First().Area))
            .ToList();
        var byPerson = items.ToLookup(i => i.PersonId);
        var columns = candidates.Select(c =>
        {
            var mine = byPerson[c.CandidateId].ToDictionary(i => i.StatementId);
            return areas.Select(area =>
            {
                if (!area.AppliesToAll && area.Section != c.Specialism)
                {
                    return null;
                }

                var ids = statements.Where(s => s.CraftId == c.CraftId && s.Section == area.Section && s.Anchor == area.Anchor).Select(s => s.Id).ToList();
                var counts = GapCounts.Of(ids.Select(id => mine.TryGetValue(id, out var i)
                    ? GetGap.StateOf(i.Status, i.Rating, i.NeedsReconfirmation, i.Evidence.Count)
                    : GapState.NotStarted));
                var evidence = ids.Where(mine.ContainsKey).SelectMany(id => mine[id].Evidence).DistinctBy(e => e.EvidenceId).ToList();
                return new ComparisonCell(counts, evidence.Count, evidence.Count == 0 ? null : evidence.Max(e => e.WorkDate));
            }).ToList();
        }).ToList();

        var header = candidates.Select((c, index) => new ComparisonCandidate(c.Id, c.Name ?? SessionAccess.Label(c.Alias), c.Specialism,
            columns[index].Where(cell => cell is not null).Aggregate(GapCounts.Empty, (sum, cell) => sum.Add(cell!.Counts)))).ToList();
        var rows = areas.Select((_, row) => (IReadOnlyList<ComparisonCell?>)columns.Select(column => column[row]).ToList()).ToList();
        return new Comparison(session.Id, session.Name, session.TargetLevel, sees, areas, header, rows);
    }
}
