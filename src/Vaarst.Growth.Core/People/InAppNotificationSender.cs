using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Stores notifications for the in-app bell and, in the same SaveChanges, an e-mail outbox row for each recipient who
/// wants that kind immediately (<see cref="NotificationPreferences"/>); digests are collected later (<see cref="Mail.DigestScheduler"/>).
/// </summary>
public sealed class InAppNotificationSender(TimeProvider time) : INotificationSender
{
    public async Task AddAsync(GrowthDbContext db, IReadOnlyCollection<NotificationMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(messages.Select(m => new Notification
        {
            RecipientId = m.RecipientId,
            Kind = m.Kind,
            Title = Excerpt.Fit(m.Title, TextLimits.NotificationTitle),
            Link = m.Link,
            CreatedAtUtc = now,
        }));

        var recipients = messages.Select(m => m.RecipientId).Distinct().ToList();
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => recipients.Contains(p.PersonId))
            .ToListAsync(cancellationToken);
        db.Outbox.AddRange(messages
            .Where(m => NotificationPreferences.DeliveryOf(chosen, m.RecipientId, m.Kind) == NotificationDelivery.Immediately)
            .Select(m => new OutboxMessage
            {
                Channel = OutboxChannels.Email,
                RecipientId = m.RecipientId,
                Kind = m.Kind,
                Link = m.Link,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            }));
    }

    public void AddTeamMessage(GrowthDbContext db, string kind, string? link)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage { Channel = OutboxChannels.Webhook, Kind = kind, Link = link, CreatedAtUtc = now, NextAttemptAtUtc = now });
    }
}
