using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record AssignDelegateRequest(int ManagerId, int DelegateId, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>An administrator lets someone review a manager's direct reports for a period (e.g. during leave).</summary>
public sealed class AssignDelegate(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public const int MaxDays = 366;

    public async Task<int> HandleAsync(Actor actor, AssignDelegateRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators assign review delegates.");
        }

        var errors = new List<string>();
        if (request.ManagerId == request.DelegateId)
        {
            errors.Add("A manager cannot be their own delegate.");
        }

        if (request.EndsOn < request.StartsOn)
        {
            errors.Add("The delegation ends before it starts.");
        }
        else if (request.EndsOn.DayNumber - request.StartsOn.DayNumber > MaxDays)
        {
            errors.Add($"A delegation lasts at most {MaxDays} days; assign a new one after that.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (request.EndsOn < DateOnly.FromDateTime(now))
        {
            errors.Add("The delegation would already be over.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.Where(p => p.Id == request.ManagerId || p.Id == request.DelegateId)
            .Select(p => new { p.Id, p.Name, p.IsActive }).ToListAsync(cancellationToken);
        var manager = people.FirstOrDefault(p => p.Id == request.ManagerId);
        var @delegate = people.FirstOrDefault(p => p.Id == request.DelegateId);
        if (manager is null || @delegate is null || !@delegate.IsActive)
        {
            errors.Add("Choose a manager and an active delegate from the directory.");
        }
        else if (!await db.People.AnyAsync(p => p.ManagerId == request.ManagerId, cancellationToken))
        {
            errors.Add($"{manager.Name} has no direct reports to delegate.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var delegation = new Delegation
        {
            ManagerId = request.ManagerId,
            DelegateId = request.DelegateId,
            StartsOn = request.StartsOn,
            EndsOn = request.EndsOn,
            AssignedById = actor.PersonId,
            AssignedAtUtc = now,
        };
        db.Delegations.Add(delegation);
        // The audit event names the new delegation's id: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(actor, now, AuditEventTypes.DelegationAssigned, "Delegation", delegation.Id.ToString(),
            $"{actor.Name} let {@delegate!.Name} review {manager!.Name}'s reports from {request.StartsOn:yyyy-MM-dd} to {request.EndsOn:yyyy-MM-dd}",
            after: new { manager = manager.Name, @delegate = @delegate.Name, startsOn = request.StartsOn, endsOn = request.EndsOn }, personId: request.DelegateId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delegation.Id;
    }
}
