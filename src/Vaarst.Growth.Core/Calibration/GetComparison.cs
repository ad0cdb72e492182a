using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>A column: one candidate, labelled blind unless the caller sees this candidate by name (<see cref="People.PanelReading.NamedNominations"/>).</summary>
public sealed record ComparisonCandidate(int NominationId, string Label, string? Specialism, GapCounts Overall, bool Named = false, Trajectory? Trajectory = null);

/// <summary>A row: one defined area of the session's target level.</summary>
public sealed record ComparisonArea(string Section, bool AppliesToAll, string Anchor, string Name);

/// <summary>One candidate in one area; null in the grid when the area belongs to another specialism.</summary>
/// <param name="Corroborated">How many of the cell's pieces of evidence a colleague confirmed (a count only, never who).</param>
public sealed record ComparisonCell(GapCounts Counts, int EvidenceCount, DateOnly? LatestEvidence, int Corroborated = 0);

/// <param name="SeesIdentities">Every candidate is shown to the caller by name.</param>
public sealed record Comparison(int SessionId, string SessionName, int TargetLevel, bool SeesIdentities,
    IReadOnlyList<ComparisonArea> Areas, IReadOnlyList<ComparisonCandidate> Candidates, IReadOnlyList<IReadOnlyList<ComparisonCell?>> Cells);

/// <summary>
/// The side-by-side comparison for a session's panel: areas × candidates with signed-off coverage, evidence count,
/// most recent evidence and items needing re-confirmation. The same number of queries whatever the number of candidates.
/// Once the session has started, each candidate's cells come from their frozen record (<see cref="DossierSnapshot"/>), not live data.
/// </summary>
public sealed class GetComparison(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<Comparison> HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireMemberAsync(db, actor, sessionId, cancellationToken);
        var named = PanelReading.NamedNominations(db, me).Select(n => n.Id);
        var candidates = await db.Nominations.AsNoTracking()
            .Where(n => n.SessionId == sessionId)
            .OrderBy(n => n.Alias.Length).ThenBy(n => n.Alias)
            .Select(n => new { n.Id, n.Alias, n.CandidateId, Name = named.Contains(n.Id) ? n.Candidate!.Name : null, n.Candidate!.CraftId, n.Candidate.Specialism })
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var frozen = (await db.DossierSnapshots.AsNoTracking().Where(d => ids.Contains(d.NominationId)).Select(d => new { d.NominationId, d.Content }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.NominationId, d => CandidateRecords.Deserialize(d.Content));
        var crafts = candidates.Select(c => frozen.TryGetValue(c.Id, out var r) ? r.CraftId : c.CraftId).Where(c => c != null).Select(c => c!.Value).Distinct().ToList();
        var grid = await AreaGrid.LoadAsync(db, session.TargetLevel, crafts, cancellationToken);

        // Flat rows (an item once per supporting evidence) rather than a nested collection: EF would join a filtered
        // derived table, which SQLite materialises for the whole organisation's evidence before joining 30 people.
        var people = candidates.Where(c => !frozen.ContainsKey(c.Id)).Select(c => c.CandidateId).ToList();
        var supported = await (
                from i in db.ChecklistItems.AsNoTracking()
                where people.Contains(i.PersonId)
                from s in db.EvidenceSupports.Where(s => s.ChecklistItemId == i.Id).DefaultIfEmpty()
                select new
                {
                    i.Id, i.PersonId, i.StatementId, i.Status, i.Rating, i.NeedsReconfirmation,
                    EvidenceId = (int?)s!.EvidenceId, Archived = (bool?)s.Evidence!.IsArchived, WorkDate = (DateOnly?)s.Evidence.WorkDate,
                    Confirmed = s.Evidence.Corroborations.Any(c => c.Status == Evidence.CorroborationStatus.Confirmed),
                })
            .ToListAsync(cancellationToken);
        var items = supported.GroupBy(r => r.Id).Select(g =>
        {
            var item = g.First();
            var evidence = g.Where(r => r.EvidenceId is not null && r.Archived == false).Select(r => (Id: r.EvidenceId!.Value, Date: r.WorkDate!.Value, r.Confirmed)).ToList();
            return (item.PersonId, item.StatementId, State: GetGap.StateOf(item.Status, item.Rating, item.NeedsReconfirmation, evidence.Count), Evidence: evidence);
        }).ToLookup(i => i.PersonId);

        var areas = grid.Areas.Select(a => new ComparisonArea(a.Section, a.AppliesToAll, a.Anchor, a.Name)).ToList();
        var columns = candidates.Select(c =>
        {
            if (frozen.TryGetValue(c.Id, out var record))
            {
                return grid.Row(record.CraftId, record.Specialism, _ => new ComparisonCell(GapCounts.Empty, 0, null))
                    .Select((cell, row) => cell is null ? null : FrozenCell(record, grid.Areas[row].Section, grid.Areas[row].Anchor) ?? cell).ToList();
            }

            var mine = items[c.CandidateId].ToDictionary(i => i.StatementId);
            return grid.Row(c.CraftId, c.Specialism, ids =>
            {
                var counts = GapCounts.Of(ids.Select(id => mine.TryGetValue(id, out var i) ? i.State : GapState.NotStarted));
                var evidence = ids.Where(mine.ContainsKey).SelectMany(id => mine[id].Evidence).DistinctBy(e => e.Id).ToList();
                return new ComparisonCell(counts, evidence.Count, evidence.Count == 0 ? null : evidence.Max(e => e.Date), evidence.Count(e => e.Confirmed));
            });
        }).ToList();

        var trajectories = await Trajectories.ForAsync(db, ids, cancellationToken);
        var header = candidates.Select((c, index) => new ComparisonCandidate(c.Id, c.Name ?? SessionAccess.Label(c.Alias), frozen.TryGetValue(c.Id, out var r) ? r.Specialism : c.Specialism,
            columns[index].Where(cell => cell is not null).Aggregate(GapCounts.Empty, (sum, cell) => sum.Add(cell!.Counts)), c.Name is not null,
            trajectories.GetValueOrDefault(c.Id))).ToList();
        var rows = areas.Select((_, row) => (IReadOnlyList<ComparisonCell?>)columns.Select(column => column[row]).ToList()).ToList();
        return new Comparison(session.Id, session.Name, session.TargetLevel, header.All(c => c.Named), areas, header, rows);
    }

    /// <summary>A cell from the frozen record; its corroborated count is the distinct evidence a colleague had confirmed at capture.</summary>
    private static ComparisonCell? FrozenCell(CandidateRecord record, string section, string anchor) =>
        record.Areas.FirstOrDefault(a => TextIdentity.Same(a.Section, section) && TextIdentity.Same(a.Anchor, anchor)) is { } area
            ? new ComparisonCell(area.Counts, area.EvidenceCount, area.LatestEvidence,
                area.Statements.SelectMany(st => st.Evidence).DistinctBy(e => e.View.Id).Count(e => e.View.Confirmed > 0))
            : null;
}
