using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.People.Mail;

/// <summary>
/// Delivers due outbox rows: e-mails over SMTP (MailKit) and team posts to the webhook. A failure leaves the row in the
/// outbox with its next attempt pushed back exponentially (<see cref="Backoff"/>), so a failing server delays messages
/// and loses none; each row is settled in its own SaveChanges, so a crash re-sends at most the row in flight.
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time, EmailOptions email, WebhookOptions webhook,
    MessageComposer composer, HttpClient http)
{
    /// <summary>From this many failed attempts on one waiting row, /health reports the outbox degraded.</summary>
    public const int DegradedAfterAttempts = 3;
    private const int Batch = 50;
    public const string EmailOff = "E-mail is switched off (Email:SmtpHost is empty).";
    public const string WebhookOff = "The team webhook is switched off (Notifications:WebhookUrl is empty).";
    public const string RecipientInactive = "The recipient is no longer active.";

    /// <summary>30 s, 1 min, 2 min, … up to an hour between attempts.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Outbox
            .Where(o => o.SentAtUtc == null && o.SkippedReason == null && o.NextAttemptAtUtc <= now)
            .OrderBy(o => o.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var recipientIds = due.Where(o => o.RecipientId != null).Select(o => o.RecipientId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => recipientIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Email, p.IsActive }).ToDictionaryAsync(p => p.Id, cancellationToken);

        var sent = 0;
        SmtpClient? smtp = null;
        try
        {
            foreach (var row in due)
            {
                try
                {
                    if (row.Channel == OutboxChannels.Webhook)
                    {
                        if (!webhook.Enabled)
                        {
                            row.SkippedReason = WebhookOff;
                        }
                        else
                        {
                            using var content = new StringContent(composer.Webhook(row), System.Text.Encoding.UTF8, "application/json");
                            using var response = await http.PostAsync(webhook.WebhookUrl, content, cancellationToken);
                            response.EnsureSuccessStatusCode();
                            row.SentAtUtc = now;
                        }
                    }
                    else if (!email.Enabled)
                    {
                        row.SkippedReason = EmailOff;
                    }
                    else if (row.RecipientId is not { } id || !people.TryGetValue(id, out var person) || !person.IsActive)
                    {
                        row.SkippedReason = RecipientInactive;
                    }
                    else
                    {
                        smtp ??= await ConnectAsync(cancellationToken);
                        await smtp.SendAsync(composer.Email(row, person.Name, person.Email), cancellationToken);
                        row.SentAtUtc = now;
                    }

                    if (row.SentAtUtc is not null)
                    {
                        row.LastError = null;
                        sent++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    row.Attempts++;
                    row.LastError = Excerpt.Fit($"{e.GetType().Name}: {e.Message}", TextLimits.OutboxError);
                    row.NextAttemptAtUtc = now + Backoff(row.Attempts);
                    if (smtp is not null && e is not SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted })
                    {
                        smtp.Dispose();
                        smtp = null;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (smtp is not null)
            {
                try
                {
                    await smtp.DisconnectAsync(true, CancellationToken.None);
                }
                catch (Exception)
                {
                    // The messages are already settled; a failed goodbye changes nothing.
                }

                smtp.Dispose();
            }
        }

        return sent;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = !email.UseTls ? SecureSocketOptions.None
                : email.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(email.SmtpHost!, email.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(email.UserName))
            {
                await client.AuthenticateAsync(email.UserName, email.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>How many waiting rows have failed at least <see cref="DegradedAfterAttempts"/> times (for /health).</summary>
    public static Task<int> FailingAsync(GrowthDbContext db, CancellationToken cancellationToken = default) =>
        db.Outbox.CountAsync(o => o.SentAtUtc == null && o.SkippedReason == null && o.Attempts >= DegradedAfterAttempts, cancellationToken);
}
