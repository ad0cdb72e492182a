using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record CreateCycleRequest(string Name, DateOnly OpensOn, DateOnly NominationsCloseOn, DateOnly ReleaseOn);

/// <summary>
/// An administrator creates a promotion cycle with dated phases: self-assessment opens, nominations close (calibration
/// starts), outcomes are released. Names are unique (without letter case).
/// </summary>
public sealed class CreateCycle(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, CreateCycleRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators create promotion cycles.");
        }

        var errors = new List<string>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > TextLimits.SessionName)
        {
            errors.Add($"Give the cycle a name, e.g. \"2027 H1\" (up to {TextLimits.SessionName} characters).");
        }

        if (!(request.OpensOn < request.NominationsCloseOn && request.NominationsCloseOn < request.ReleaseOn))
        {
            errors.Add("The dates must follow each other: self-assessment opens, then nominations close, then outcomes are released.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (name.Length > 0 && await db.PromotionCycles.AnyAsync(c => c.Name == name, cancellationToken))
        {
            errors.Add($"A cycle called \"{name}\" exists already.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cycle = new PromotionCycle { Name = name, OpensOn = request.OpensOn, NominationsCloseOn = request.NominationsCloseOn, ReleaseOn = request.ReleaseOn, CreatedAtUtc = now };
        db.PromotionCycles.Add(cycle);
        // The audit event names the new cycle's id: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ConflictException($"A cycle called \"{name}\" was created at the same moment. Nothing was saved.");
        }

        db.Record(actor, now, AuditEventTypes.CycleCreated, "PromotionCycle", cycle.Id.ToString(),
            $"{actor.Name} created promotion cycle \"{name}\"", after: new { name, request.OpensOn, request.NominationsCloseOn, request.ReleaseOn });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cycle.Id;
    }
}
