using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Import;

/// <summary>One framework import. <paramref name="ImportedBy"/> is null for the system (start-up seeding or the command line).</summary>
public sealed record FrameworkVersionEntry(int Number, DateTime ImportedAtUtc, string? ImportedBy, string Source, string Summary);

/// <summary>
/// The import history, newest first, for administrators. Everyone sees the current version in the catalogue; who
/// imported what, and from which server path, is administration.
/// </summary>
public sealed class GetFrameworkVersions(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<FrameworkVersionEntry>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only a framework administrator can read the import history.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FrameworkVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new FrameworkVersionEntry(
                v.Number,
                v.ImportedAtUtc,
                db.People.Where(p => p.Id == v.ImportedByPersonId).Select(p => p.Name).FirstOrDefault(),
                v.Source,
                v.Summary))
            .ToListAsync(cancellationToken);
    }
}
