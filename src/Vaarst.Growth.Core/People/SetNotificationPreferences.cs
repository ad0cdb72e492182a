using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People.Mail;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// Sets how the signed-in person gets each kind of notification: in the app only, immediately by e-mail, or in the daily
/// digest. A preference, not a career record: last write wins, no version check (like the time zone).
/// </summary>
public sealed class SetNotificationPreferences(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task HandleAsync(Actor actor, IReadOnlyDictionary<string, NotificationDelivery> choices, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        var problems = choices
            .Where(c => !NotificationWording.PersonalKinds.Contains(c.Key) || !Enum.IsDefined(c.Value))
            .Select(c => $"\"{c.Key}\" is not a kind of notification you can choose for, or \"{c.Value}\" is not a way to deliver it.")
            .ToList();
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = choices.Keys.ToList();
        var existing = await db.NotificationPreferences.Where(p => p.PersonId == personId && kinds.Contains(p.Kind)).ToListAsync(cancellationToken);
        foreach (var (kind, delivery) in choices)
        {
            var row = existing.FirstOrDefault(p => p.Kind == kind);
            if (row is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference { PersonId = personId, Kind = kind, Delivery = delivery });
            }
            else
            {
                row.Delivery = delivery;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
