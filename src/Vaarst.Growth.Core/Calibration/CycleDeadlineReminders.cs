using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Reminds people with something still to do before a promotion cycle's nominations close (the end of self-assessment), a
/// week and a day before, once each (issue #18 item 4): engineers with items not yet submitted (a draft with evidence, or
/// changes requested), and line managers with their reports' items waiting for review. Run by the outbox worker beside
/// <see cref="PreReadReminders"/>; a reminder is a notification like any other (ADR 0013).
/// </summary>
public sealed class CycleDeadlineReminders(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycles = (await db.PromotionCycles.AsNoTracking()
                .Where(c => c.ReleasedAtUtc == null && c.NominationsCloseOn >= today && c.NominationsCloseOn <= today.AddDays(7))
                .ToListAsync(cancellationToken))
            .Where(c => CycleCalendar.PhaseOn(c, today) == CyclePhase.SelfAssessment)
            .ToList();
        if (cycles.Count == 0)
        {
            return 0;
        }

        // Who has something to do, the same for every cycle closing this week.
        var open = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.Person!.IsActive
                && (i.Status == ItemStatus.ChangesRequested || (i.Status == ItemStatus.Draft && db.EvidenceSupports.Any(s => s.ChecklistItemId == i.Id))))
            .Select(i => i.PersonId).Distinct().ToListAsync(cancellationToken);
        var reviewers = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.Status == ItemStatus.Submitted && i.Person!.IsActive && i.Person.ManagerId != null)
            .Select(i => i.Person!.ManagerId!.Value).Distinct().ToListAsync(cancellationToken);

        var messages = new List<NotificationMessage>();
        foreach (var cycle in cycles)
        {
            // A week before (2 to 7 days away), then a day before (the day before or the day itself).
            var when = cycle.NominationsCloseOn.DayNumber - today.DayNumber > 1 ? "1 week" : "1 day";
            var engineerTitle = $"Reminder ({when} before): submit your items before \"{cycle.Name}\" nominations close on {cycle.NominationsCloseOn:d MMM yyyy}";
            var reviewerTitle = $"Reminder ({when} before): items wait for your review before \"{cycle.Name}\" nominations close on {cycle.NominationsCloseOn:d MMM yyyy}";
            var reminded = await db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKinds.CycleReminder && (n.Title == engineerTitle || n.Title == reviewerTitle))
                .Select(n => new { n.RecipientId, n.Title }).ToListAsync(cancellationToken);
            messages.AddRange(open.Where(p => !reminded.Any(r => r.RecipientId == p && r.Title == engineerTitle))
                .Select(p => new NotificationMessage(p, NotificationKinds.CycleReminder, engineerTitle, "/checklist")));
            messages.AddRange(reviewers.Where(p => !reminded.Any(r => r.RecipientId == p && r.Title == reviewerTitle))
                .Select(p => new NotificationMessage(p, NotificationKinds.CycleReminder, reviewerTitle, "/reviews")));
        }

        await notifications.AddAsync(db, messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return messages.Count;
    }
}
