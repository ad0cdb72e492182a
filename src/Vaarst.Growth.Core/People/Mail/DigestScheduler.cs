using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People.Mail;

/// <summary>
/// Queues each person's daily digest during the configured hour (<see cref="EmailOptions.DigestHour"/>) of their own
/// day (<see cref="Person.TimeZone"/>, UTC when unset): one e-mail with their unread notifications of the kinds they
/// get by digest since their previous digest (at most a week back). One digest per person and local date; none when
/// nothing is unread, or when e-mail is off.
/// </summary>
public sealed class DigestScheduler(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time, EmailOptions email)
{
    public const string DigestKind = "digest";
    private const int MostEntries = 30;

    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        if (!email.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.TimeZone }).ToListAsync(cancellationToken);
        var due = people
            .Select(p => (p.Id, Local: TimeZoneInfo.ConvertTimeFromUtc(now, TimeZones.Find(p.TimeZone) ?? TimeZoneInfo.Utc)))
            .Where(p => p.Local.Hour == email.DigestHour)
            .ToDictionary(p => p.Id, p => p.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Keys.ToList();
        var previous = await db.Outbox.AsNoTracking().Where(o => o.DigestDate != null && ids.Contains(o.RecipientId!.Value))
            .GroupBy(o => o.RecipientId!.Value)
            .Select(g => new { PersonId = g.Key, Last = g.Max(o => o.CreatedAtUtc), LastDate = g.Max(o => o.DigestDate) })
            .ToDictionaryAsync(g => g.PersonId, cancellationToken);
        var weekAgo = now.AddDays(-7);
        var unread = await db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.RecipientId) && n.ReadAtUtc == null && n.CreatedAtUtc > weekAgo)
            .OrderBy(n => n.Id).Select(n => new { n.RecipientId, n.Kind, n.Link, n.CreatedAtUtc }).ToListAsync(cancellationToken);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var (personId, date) in due)
        {
            previous.TryGetValue(personId, out var last);
            if (last is not null && string.CompareOrdinal(last.LastDate, date) >= 0)
            {
                continue;
            }

            var entries = unread
                .Where(n => n.RecipientId == personId && (last is null || n.CreatedAtUtc > last.Last)
                    && NotificationPreferences.DeliveryOf(chosen, personId, n.Kind) == NotificationDelivery.DailyDigest)
                .Take(MostEntries).Select(n => $"{n.Kind} {n.Link}").ToList();
            while (entries.Count > 1 && entries.Sum(e => e.Length + 1) > TextLimits.OutboxPayload)
            {
                entries.RemoveAt(entries.Count - 1);
            }

            if (entries.Count == 0)
            {
                continue;
            }

            db.Outbox.Add(new OutboxMessage
            {
                Channel = OutboxChannels.Email, RecipientId = personId, Kind = DigestKind, DigestDate = date,
                Payload = string.Join('\n', entries), CreatedAtUtc = now, NextAttemptAtUtc = now,
            });
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
