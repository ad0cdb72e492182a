using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public sealed record NotificationView(long Id, string Kind, string Title, string? Link, DateTime CreatedAtUtc, bool IsRead);

public sealed record Inbox(int Unread, IReadOnlyList<NotificationView> Latest);

/// <summary>The signed-in person's notifications: the unread count and the latest ones.</summary>
public sealed class GetNotifications(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<Inbox> HandleAsync(Actor actor, int take = 20, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.RecipientId == personId && n.ReadAtUtc == null, cancellationToken);
        var latest = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == personId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
        return new Inbox(unread, latest);
    }
}
