using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Reminds panel members with pre-reads still to do (a candidate they are not recused from and have not pre-read) a week
/// and a day before a session's scheduled date, once each (issue #18 item 4). Run by the outbox worker; the reminder is
/// a notification like any other, so the bell shows it and each member's preference decides on e-mail (ADR 0013).
/// </summary>
public sealed class PreReadReminders(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.CalibrationSessions.AsNoTracking()
            .Where(s => s.State != SessionState.Closed && s.ScheduledOn >= today && s.ScheduledOn <= today.AddDays(7))
            .Select(s => new { s.Id, s.Name, s.ScheduledOn }).ToListAsync(cancellationToken);
        var messages = new List<NotificationMessage>();
        foreach (var session in sessions)
        {
            // A week before (2 to 7 days away), then a day before (the day before or the day itself).
            var weekBefore = session.ScheduledOn.DayNumber - today.DayNumber > 1;
            var title = $"Reminder ({(weekBefore ? "1 week" : "1 day")} before): your pre-reads for \"{session.Name}\" are still to do";
            var link = $"/calibration/{session.Id}";
            var members = await db.PanelMembers.AsNoTracking().Where(m => m.SessionId == session.Id).Select(m => m.PersonId).ToListAsync(cancellationToken);
            var nominations = await db.Nominations.AsNoTracking().Where(n => n.SessionId == session.Id).Select(n => n.Id).ToListAsync(cancellationToken);
            var done = (await db.PreReads.AsNoTracking().Where(p => nominations.Contains(p.NominationId))
                .Select(p => new { p.NominationId, p.PanelMemberId }).ToListAsync(cancellationToken))
                .Select(p => (p.NominationId, p.PanelMemberId)).ToHashSet();
            var reminded = await db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKinds.CalibrationReminder && n.Link == link && n.Title == title)
                .Select(n => n.RecipientId).ToListAsync(cancellationToken);
            var conflicts = new Dictionary<int, Conflicts>();
            foreach (var nomination in nominations)
            {
                conflicts[nomination] = await Recusal.ForNominationAsync(db, nomination, today, cancellationToken);
            }

            messages.AddRange(members
                .Where(m => !reminded.Contains(m)
                    && nominations.Any(n => !done.Contains((n, m)) && conflicts[n].Of(m) is null))
                .Select(m => new NotificationMessage(m, NotificationKinds.CalibrationReminder, title, link)));
        }

        await notifications.AddAsync(db, messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return messages.Count;
    }
}
