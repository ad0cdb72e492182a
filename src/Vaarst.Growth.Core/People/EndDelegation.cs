using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>An administrator ends a delegation before its last day. The record stays.</summary>
public sealed class EndDelegation(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, int delegationId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators end review delegations.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delegation = await db.Delegations.Include(d => d.Manager).Include(d => d.Delegate).FirstOrDefaultAsync(d => d.Id == delegationId, cancellationToken)
            ?? throw new NotFoundException("That delegation does not exist.");
        if (delegation.EndedEarlyAtUtc is not null || delegation.EndsOn < DateOnly.FromDateTime(now))
        {
            throw new ValidationException("That delegation is already over.");
        }

        delegation.EndedEarlyAtUtc = now;
        db.Record(actor, now, AuditEventTypes.DelegationEnded, "Delegation", delegation.Id.ToString(),
            $"{actor.Name} ended {delegation.Delegate!.Name}'s delegation for {delegation.Manager!.Name}",
            new { endsOn = delegation.EndsOn }, new { endedOn = DateOnly.FromDateTime(now) }, delegation.DelegateId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
