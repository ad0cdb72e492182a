using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record DirectoryEntry(int Id, string Name, string Email, Roles Roles, string? ManagerName);

/// <summary>The organisation directory, for administrators (choosing delegates, filtering the audit log).</summary>
public sealed class ListDirectory(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<DirectoryEntry>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators can list the directory.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new DirectoryEntry(p.Id, p.Name, p.Email, p.Roles, p.Manager != null ? p.Manager.Name : null))
            .ToListAsync(cancellationToken);
    }
}
