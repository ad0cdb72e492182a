using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>Shows an administrator what a directory CSV would add and change, and every problem by line. Writes nothing.</summary>
public sealed class PreviewDirectoryImport(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public async Task<DirectoryPreview> HandleAsync(Actor actor, string csv, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        RequireAdministrator(actor);
        if (csv.Length > MaxBytes)
        {
            throw new ValidationException("The file is larger than 5 MB; split it.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await DirectoryImportPlan.ComputeAsync(db, csv, cancellationToken)).Preview;
    }

    internal static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators manage the organisation directory.");
        }
    }
}
