using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="From">The phase the administrator saw; if the cycle moved meanwhile (its date came), nothing changes.</param>
public sealed record AdvanceCycleRequest(int CycleId, CyclePhase From);

/// <summary>
/// An administrator moves a cycle to its next phase ahead of the date, audited: opens self-assessment, closes
/// nominations, or releases the outcomes (only once every session of the cycle is closed; candidates and their
/// managers are told together).
/// </summary>
public sealed class AdvanceCycle(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<CyclePhase> HandleAsync(Actor actor, AdvanceCycleRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators move a promotion cycle.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycle = await db.PromotionCycles.FirstOrDefaultAsync(c => c.Id == request.CycleId, cancellationToken)
            ?? throw new NotFoundException("That promotion cycle does not exist.");
        var now = time.GetUtcNow().UtcDateTime;
        var phase = CycleCalendar.PhaseOn(cycle, DateOnly.FromDateTime(now));
        if (phase != request.From)
        {
            throw new ConflictException($"\"{cycle.Name}\" is already in {CycleCalendar.Label(phase)}. Nothing changed: reload to see it.");
        }

        if (phase == CyclePhase.Released)
        {
            throw new ValidationException("The outcomes of this cycle are released already; it has no later phase.");
        }

        var next = phase + 1;
        var messages = new List<NotificationMessage>();
        if (next == CyclePhase.Released)
        {
            var open = await CycleRelease.OpenSessionsAsync(db, cycle.Id, cancellationToken);
            if (open.Count > 0)
            {
                throw new ValidationException($"Close every session of \"{cycle.Name}\" before releasing its outcomes: {string.Join(", ", open)}.");
            }

            messages = await CycleRelease.ReleaseAsync(db, actor, cycle, now, cancellationToken);
            // The outcomes' notifications, their e-mails and the team's post commit with the release (ADR 0013).
            await notifications.AddAsync(db, messages, cancellationToken);
            notifications.AddTeamMessage(db, NotificationKinds.OutcomesReleased, "/calibration/outcomes");
        }
        else
        {
            cycle.AdvancedTo = next;
            db.Record(actor, now, AuditEventTypes.CycleAdvanced, "PromotionCycle", cycle.Id.ToString(),
                $"{actor.Name} moved \"{cycle.Name}\" to {CycleCalendar.Label(next)} ahead of its date",
                new { phase = phase.ToString() }, new { phase = next.ToString() });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The cycle changed at the same moment. Nothing was saved: reload and try again.");
        }

        return next;
    }
}
