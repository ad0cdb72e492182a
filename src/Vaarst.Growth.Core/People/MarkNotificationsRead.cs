using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <param name="Ids">The notifications to mark; null marks all of the caller's unread notifications.</param>
public sealed record MarkNotificationsReadRequest(IReadOnlyCollection<long>? Ids);

/// <summary>Marks the caller's own notifications as read (anyone else's ids are ignored).</summary>
public sealed class MarkNotificationsRead(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, MarkNotificationsReadRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.Where(n => n.RecipientId == personId && n.ReadAtUtc == null);
        if (request.Ids is { } ids)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }

        return await query.ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
