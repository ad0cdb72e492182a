using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Releases every cycle whose release date has come and whose sessions are all closed (run by the system on a timer,
/// or by an administrator). A cycle with a session still open waits, shown as "release is due". Returns how many it released.
/// </summary>
public sealed class ReleaseDueCycles(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators release promotion cycles.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.PromotionCycles
            .Where(c => c.ReleasedAtUtc == null && c.ReleaseOn <= today && !db.CalibrationSessions.Any(s => s.CycleId == c.Id && s.State != SessionState.Closed))
            .ToListAsync(cancellationToken);
        var messages = new List<NotificationMessage>();
        foreach (var cycle in due)
        {
            messages.AddRange(await CycleRelease.ReleaseAsync(db, actor, cycle, now, cancellationToken));
        }

        if (due.Count > 0)
        {
            // The outcomes' notifications, their e-mails and the team's post commit with the release (ADR 0013).
            await notifications.AddAsync(db, messages, cancellationToken);
            notifications.AddTeamMessage(db, NotificationKinds.OutcomesReleased, "/calibration/outcomes");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Released by someone else at the same moment: nothing to do on this turn.
                return 0;
            }

        }

        return due.Count;
    }
}
