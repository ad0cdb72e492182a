using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Framework;

/// <summary>A section of a level that applies to one engineer, with its current areas and statements in framework order.</summary>
public sealed record LevelContentSection(int LevelId, string Name, bool AppliesToAll, IReadOnlyList<LevelContentArea> Areas);

public sealed record LevelContentArea(int Id, string Name, string Anchor, bool IsDefined, IReadOnlyList<LevelContentStatement> Statements);

public sealed record LevelContentStatement(int Id, string Text);

/// <summary>
/// What of a level applies to an engineer: the "All" sections and the section of their specialism, current (not
/// retired) areas and statements. The checklist and the gap view read it here, in one flat query: as sections with
/// nested area and statement collections, SQLite materialised the nested part and built a throw-away index over it on
/// every call (docs/performance.md).
/// </summary>
public static class LevelContent
{
    // Compiled (once per model): the checklist and the gap view read it on every page.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int[], string?, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery(Applicability.Expand<Func<GrowthDbContext, int[], string?, IQueryable<Row>>>((db, levelIds, specialism) =>
            from a in db.Areas.AsNoTracking()
            where Applicability.AppliesTo(a.Section!, specialism)
                && levelIds.Contains(a.Section!.LevelId) && a.Section.RetiredInVersionId == null && a.RetiredInVersionId == null
            from st in a.Statements.Where(st => st.RetiredInVersionId == null).DefaultIfEmpty()
            select new Row(
                a.Section!.LevelId, a.SectionId, a.Section.Name, a.Section.AppliesToAll, a.Section.Order,
                a.Id, a.Name, a.Anchor, a.IsDefined, a.Order,
                (int?)st!.Id, st.Text, (int?)st.Order))));

    private sealed record Row(int LevelId, int SectionId, string SectionName, bool AppliesToAll, int SectionOrder,
        int AreaId, string Name, string Anchor, bool IsDefined, int AreaOrder, int? StatementId, string? StatementText, int? StatementOrder);

    public static async Task<IReadOnlyList<LevelContentSection>> ReadAsync(GrowthDbContext db, IReadOnlyCollection<int> levelIds, string? specialism,
        CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await foreach (var row in Query.For(db)(db, levelIds as int[] ?? [.. levelIds], specialism).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows
            .GroupBy(r => (r.LevelId, r.SectionId, r.SectionName, r.AppliesToAll, r.SectionOrder))
            .OrderBy(s => s.Key.AppliesToAll ? 0 : 1).ThenBy(s => s.Key.SectionOrder).ThenBy(s => s.Key.SectionId)
            .Select(s => new LevelContentSection(s.Key.LevelId, s.Key.SectionName, s.Key.AppliesToAll, s
                .GroupBy(r => (r.AreaId, r.Name, r.Anchor, r.IsDefined, r.AreaOrder))
                .OrderBy(a => a.Key.AreaOrder).ThenBy(a => a.Key.AreaId)
                .Select(a => new LevelContentArea(a.Key.AreaId, a.Key.Name, a.Key.Anchor, a.Key.IsDefined, a
                    .Where(r => r.StatementId is not null)
                    .OrderBy(r => r.StatementOrder).ThenBy(r => r.StatementId)
                    .Select(r => new LevelContentStatement(r.StatementId!.Value, r.StatementText!))
                    .ToList()))
                .ToList()))
            .ToList();
    }
}
