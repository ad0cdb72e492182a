using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Gap;

/// <summary>A column of the heatmap: a defined area of the level, in its section.</summary>
public sealed record HeatmapArea(string Section, bool AppliesToAll, string Anchor, string Name);

/// <summary>One report's coverage per area; a null cell means the area is not part of their checklist (another specialism).</summary>
public sealed record HeatmapRow(int PersonId, string Name, string? Specialism, IReadOnlyList<GapCounts?> Cells, GapCounts Overall);

public sealed record TeamHeatmap(int Level, IReadOnlyList<HeatmapArea> Areas, IReadOnlyList<HeatmapRow> Rows);

/// <summary>
/// A line manager's reports × the areas of a level, each cell the signed-off coverage. Three queries whatever the
/// team size: reports, level content, items.
/// </summary>
public sealed class GetTeamHeatmap(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<TeamHeatmap> HandleAsync(Actor actor, int? level = null, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var managerId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = await db.People.AsNoTracking()
            .Where(p => p.ManagerId == managerId && p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.CraftId, p.Specialism, p.TargetLevel })
            .ToListAsync(cancellationToken);
        var number = level ?? reports.GroupBy(r => r.TargetLevel ?? Person.DefaultTargetLevel).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(Person.DefaultTargetLevel);
        if (reports.Count == 0)
        {
            return new TeamHeatmap(number, [], []);
        }

        var crafts = reports.Where(r => r.CraftId != null).Select(r => r.CraftId!.Value).Distinct().ToList();
        var grid = await AreaGrid.LoadAsync(db, number, crafts, cancellationToken);
        var itemsByPerson = await TeamItems.ReadAsync(db, reports.Select(r => r.Id).ToList(), cancellationToken);

        var areas = grid.Areas.Select(a => new HeatmapArea(a.Section, a.AppliesToAll, a.Anchor, a.Name)).ToList();
        var rows = reports.Select(r =>
        {
            var mine = itemsByPerson[r.Id].ToDictionary(i => i.StatementId);
            var cells = grid.Row(r.CraftId, r.Specialism, statements => GapCounts.Of(statements.Select(id =>
                mine.TryGetValue(id, out var i) ? i.State : GapState.NotStarted)));
            var overall = cells.Where(c => c is not null).Aggregate(GapCounts.Empty, (sum, c) => sum.Add(c!));
            return new HeatmapRow(r.Id, r.Name, r.Specialism, cells, overall);
        }).ToList();
        return new TeamHeatmap(number, areas, rows);
    }
}
