using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record PersonForEdit(int Id, int Version, string Name, string Email, string? ManagerEmail, string? Craft, string? Specialism,
    int? CurrentLevel, int? TargetLevel, Roles Roles, bool IsActive, bool SignedInWithEntra);

/// <summary>One person as the administrator's editor shows them.</summary>
public sealed class GetPersonForEdit(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<PersonForEdit> HandleAsync(Actor actor, int personId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        PreviewDirectoryImport.RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new PersonForEdit(p.Id, p.Version, p.Name, p.Email, p.Manager != null ? p.Manager.Email : null, p.Craft != null ? p.Craft.Name : null,
                p.Specialism, p.CurrentLevel, p.TargetLevel, p.Roles, p.IsActive, p.EntraObjectId != null))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That person is not in the directory.");
    }
}
