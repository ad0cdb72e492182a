using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Framework;

public sealed record FrameworkCatalogue(FrameworkVersionInfo? CurrentVersion, IReadOnlyList<CatalogueCraft> Crafts);

public sealed record FrameworkVersionInfo(int Number, DateTime ImportedAtUtc, string Summary);

public sealed record CatalogueCraft(int Id, string FrameworkName, string Name, IReadOnlyList<CatalogueLevel> Levels);

public sealed record CatalogueLevel(int Id, int Number, string Title, int StatementCount, int UndefinedAreaCount);

/// <summary>Every imported craft and level, for the framework browser. Any signed-in person may read the framework.</summary>
public sealed class GetFrameworkCatalogue(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<FrameworkCatalogue> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (actor.PersonId is null && actor != Actor.System)
        {
            throw new ForbiddenException("Sign in to read the framework.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.FrameworkVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new FrameworkVersionInfo(v.Number, v.ImportedAtUtc, v.Summary))
            .FirstOrDefaultAsync(cancellationToken);

        var levels = await db.Levels.AsNoTracking()
            .Select(l => new
            {
                l.CraftId,
                CraftName = l.Craft!.Name,
                l.Craft.FrameworkName,
                Level = new CatalogueLevel(
                    l.Id,
                    l.Number,
                    l.Title,
                    l.Sections.Where(s => s.RetiredInVersionId == null)
                        .SelectMany(s => s.Areas.Where(a => a.RetiredInVersionId == null && a.IsDefined))
                        .SelectMany(a => a.Statements.Where(st => st.RetiredInVersionId == null))
                        .Count(),
                    l.Sections.Where(s => s.RetiredInVersionId == null)
                        .SelectMany(s => s.Areas.Where(a => a.RetiredInVersionId == null && !a.IsDefined))
                        .Count()),
            })
            .ToListAsync(cancellationToken);

        var crafts = levels
            .GroupBy(l => (l.CraftId, l.CraftName, l.FrameworkName))
            .OrderBy(g => g.Key.FrameworkName).ThenBy(g => g.Key.CraftName)
            .Select(g => new CatalogueCraft(g.Key.CraftId, g.Key.FrameworkName, g.Key.CraftName,
                g.Select(x => x.Level).OrderBy(l => l.Number).ToList()))
            .ToList();
        return new FrameworkCatalogue(version, crafts);
    }
}
