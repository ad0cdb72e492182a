using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;

namespace Vaarst.Growth.Core.Gap;

/// <summary>A current statement of a level, with where it sits: the raw material of an <see cref="AreaGrid"/>.</summary>
internal sealed record GridStatement(int Id, int CraftId, string Section, bool AppliesToAll, int SectionOrder, string Anchor, string Area, int AreaOrder);

/// <summary>An area of the grid: the same section and anchor across crafts is one area.</summary>
internal sealed record GridArea(string Section, bool AppliesToAll, string Anchor, string Name);

/// <summary>
/// People × the defined areas of one level, as the team heatmap and the calibration comparison show them. Areas come
/// "All" sections first, then by section and area order; a person's cell holds the statements of their craft in that
/// area, or is null when the area belongs to another specialism.
/// </summary>
internal sealed class AreaGrid
{
    private readonly Dictionary<(int CraftId, AreaKey Area), List<int>> _statements;

    private AreaGrid(IReadOnlyList<GridStatement> statements)
    {
        Areas = statements
            .GroupBy(s => new AreaKey(s.Section, s.Anchor))
            .Select(g => (Area: g.First(), SectionOrder: g.Min(s => s.SectionOrder), AreaOrder: g.Min(s => s.AreaOrder)))
            .OrderBy(g => g.Area.AppliesToAll ? 0 : 1).ThenBy(g => g.SectionOrder).ThenBy(g => g.AreaOrder)
            .Select(g => new GridArea(g.Area.Section, g.Area.AppliesToAll, g.Area.Anchor, g.Area.Area))
            .ToList();
        _statements = statements.GroupBy(s => (s.CraftId, new AreaKey(s.Section, s.Anchor))).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
    }

    public IReadOnlyList<GridArea> Areas { get; }

    /// <summary>One query: the current statements in defined areas of level <paramref name="level"/> of <paramref name="crafts"/>.</summary>
    public static async Task<AreaGrid> LoadAsync(GrowthDbContext db, int level, IReadOnlyCollection<int> crafts, CancellationToken cancellationToken)
    {
        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.RetiredInVersionId == null && s.Area!.RetiredInVersionId == null && s.Area.IsDefined && s.Area.Section!.RetiredInVersionId == null
                && s.Area.Section.Level!.Number == level && crafts.Contains(s.Area.Section.Level.CraftId))
            .Select(s => new GridStatement(s.Id, s.Area!.Section!.Level!.CraftId, s.Area.Section.Name, s.Area.Section.AppliesToAll, s.Area.Section.Order,
                s.Area.Anchor, s.Area.Name, s.Area.Order))
            .ToListAsync(cancellationToken);
        return new AreaGrid(statements);
    }

    internal static AreaGrid Of(IReadOnlyList<GridStatement> statements) => new(statements);

    /// <summary>
    /// A person's row: per area, <paramref name="cell"/> of the statement ids of their craft there (possibly none), or
    /// null for an area of another specialism.
    /// </summary>
    public IReadOnlyList<T?> Row<T>(int? craftId, string? specialism, Func<IReadOnlyList<int>, T> cell) where T : class =>
        Areas.Select(area => Applicability.Applies(area.AppliesToAll, area.Section, specialism)
            ? cell(craftId is { } craft && _statements.TryGetValue((craft, new AreaKey(area.Section, area.Anchor)), out var ids) ? ids : [])
            : null).ToList();

    /// <summary>Section names and anchors identify, so the same area across crafts matches without letter case (ADR 0006).</summary>
    private readonly record struct AreaKey(string Section, string Anchor)
    {
        public bool Equals(AreaKey other) => TextIdentity.Same(Section, other.Section) && TextIdentity.Same(Anchor, other.Anchor);

        public override int GetHashCode() => HashCode.Combine(TextIdentity.Comparer.GetHashCode(Section), TextIdentity.Comparer.GetHashCode(Anchor));
    }
}
