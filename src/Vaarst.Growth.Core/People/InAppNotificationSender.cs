using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.People;

/// <summary>Stores notifications for the in-app bell.</summary>
public sealed class InAppNotificationSender(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time) : INotificationSender
{
    public async Task SendAsync(IReadOnlyCollection<NotificationMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(messages.Select(m => new Notification
        {
            RecipientId = m.RecipientId,
            Kind = m.Kind,
            Title = Excerpt.Fit(m.Title, TextLimits.NotificationTitle),
            Link = m.Link,
            CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
