using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Framework;

public sealed record LevelView(
    int Id, string FrameworkName, string CraftName, int Number, string Title, string? Permalink,
    IReadOnlyList<SectionView> Sections);

public sealed record SectionView(int Id, string Name, bool AppliesToAll, IReadOnlyList<AreaView> Areas);

public sealed record AreaView(int Id, string Name, string Anchor, string? Link, bool IsDefined, IReadOnlyList<StatementView> Statements);

public sealed record StatementView(int Id, string Text);

/// <summary>One level's current content (retired sections, areas and statements left out), in page order.</summary>
public sealed class GetLevel(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<LevelView> HandleAsync(Actor actor, int levelId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (actor.PersonId is null && actor != Actor.System)
        {
            throw new ForbiddenException("Sign in to read the framework.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var level = await db.Levels.AsNoTracking()
            .Where(l => l.Id == levelId)
            .Select(l => new LevelView(
                l.Id, l.Craft!.FrameworkName, l.Craft.Name, l.Number, l.Title, l.Permalink,
                l.Sections.Where(s => s.RetiredInVersionId == null).OrderBy(s => s.Order)
                    .Select(s => new SectionView(s.Id, s.Name, s.AppliesToAll,
                        s.Areas.Where(a => a.RetiredInVersionId == null).OrderBy(a => a.Order)
                            .Select(a => new AreaView(a.Id, a.Name, a.Anchor, a.Link, a.IsDefined,
                                a.Statements.Where(st => st.RetiredInVersionId == null).OrderBy(st => st.Order)
                                    .Select(st => new StatementView(st.Id, st.Text)).ToList()))
                            .ToList()))
                    .ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        return level ?? throw new NotFoundException("That framework level does not exist (it may not have been imported yet).");
    }
}
