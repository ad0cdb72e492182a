using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People.Mail;

namespace Vaarst.Growth.Core.People;

/// <summary>One kind of notification and how the person gets it.</summary>
public sealed record NotificationChoice(string Kind, string Label, NotificationDelivery Delivery, NotificationDelivery Default);

/// <summary>Reads the signed-in person's own choice per kind of notification (the kind's default where they chose none).</summary>
public sealed class GetNotificationPreferences(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<NotificationChoice>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.PersonId == personId).ToListAsync(cancellationToken);
        return NotificationWording.PersonalKinds
            .Select(k => new NotificationChoice(k, NotificationWording.For(k).Label, NotificationPreferences.DeliveryOf(chosen, personId, k),
                NotificationPreferences.DefaultFor(k)))
            .ToList();
    }
}
