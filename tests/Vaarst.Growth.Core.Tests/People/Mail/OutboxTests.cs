using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.People.Mail;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People.Mail;

/// <summary>Notifications leave the app through the outbox (ADR 0013): e-mail over real SMTP, digests, the team webhook.</summary>
public sealed class OutboxTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private const string BaseUrl = "https://growth.example.com";

    private static OutboxDelivery Delivery(Scenario s, int smtpPort, WebhookOptions? webhook = null, HttpClient? http = null)
    {
        var email = Email(smtpPort);
        webhook ??= new WebhookOptions();
        return new OutboxDelivery(s.Database, s.Database.Clock, email, webhook, new MessageComposer(email, webhook, new PublicLinks(BaseUrl)), http ?? new HttpClient());
    }

    private static EmailOptions Email(int port) => new() { SmtpHost = "127.0.0.1", SmtpPort = port, UseTls = false, From = "Vaarst Growth <growth@vaarst.example>", DigestHour = 8 };

    private static async Task<string> EmailOf(Scenario s, Actor actor)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.People.Where(p => p.Id == actor.PersonId).Select(p => p.Email).SingleAsync(Ct);
    }

    private static async Task<int> SubmitAsync(Scenario s)
    {
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        return itemId;
    }

    [Fact]
    public async Task A_submission_reaches_the_reviewer_by_email_with_a_link_and_nothing_the_engineer_wrote()
    {
        await using var s = await CreateAsync();
        await using var smtp = TestSmtpServer.Start();
        var itemId = await SubmitAsync(s);

        Assert.Equal(1, await Delivery(s, smtp.Port).DeliverDueAsync(Ct));

        var (to, message) = Assert.Single(smtp.Received);
        Assert.Equal([await EmailOf(s, s.Manager)], to);
        Assert.Equal("Items are waiting for your review", message.Subject);
        Assert.Contains($"{BaseUrl}/reviews/items/{itemId}", message.TextBody);
        Assert.Contains($"href=\"{BaseUrl}/reviews/items/{itemId}\"", message.HtmlBody);
        foreach (var secret in new[] { Benchmarking, "A pull request", "github.com/vaarst" })
        {
            Assert.DoesNotContain(secret, message.TextBody);
            Assert.DoesNotContain(secret, message.HtmlBody);
        }

        // Sent once: the next round has nothing to do.
        Assert.Equal(0, await Delivery(s, smtp.Port).DeliverDueAsync(Ct));
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_closed_blind_session_mails_outcomes_without_its_name_or_the_panel_notes_and_posts_to_the_team()
    {
        await using var s = await CreateAsync();
        await s.UseCase<SetNotificationPreferences>().HandleAsync(s.Edge,
            new Dictionary<string, NotificationDelivery> { [NotificationKinds.CalibrationOutcome] = NotificationDelivery.Immediately }, Ct);
        const string name = "Secret Panel Autumn";
        const string note = "Consistent evidence across all areas";
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest(name, 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Shipped the edge pipeline"), Ct);
        await s.UseCase<StartSession>().HandleAsync(s.Panel1, session, Ct);
        var version = (await s.UseCase<GetSession>().HandleAsync(s.Panel1, session, Ct)).Candidates.Single(c => c.NominationId == edge).Version;
        await s.UseCase<RecordDecision>().HandleAsync(s.Panel1, new RecordDecisionRequest(edge, version, Outcome.Promote, note), Ct);
        await s.UseCase<CloseSession>().HandleAsync(s.Panel1, session, Ct);

        using var hook = new WebhookReceiver();
        await using var smtp = TestSmtpServer.Start();
        await Delivery(s, smtp.Port, new WebhookOptions { WebhookUrl = hook.Url, WebhookFormat = "Teams" }).DeliverDueAsync(Ct);

        var (to, message) = Assert.Single(smtp.Received, m => m.To.Contains(EmailOf(s, s.Edge).Result));
        Assert.Equal("A calibration outcome is recorded", message.Subject);
        Assert.Contains($"{BaseUrl}/calibration/outcomes", message.TextBody);
        var everything = string.Join("\n", smtp.Received.SelectMany(m => new[] { m.Message.Subject, m.Message.TextBody, m.Message.HtmlBody }))
            + string.Join("\n", hook.Bodies);
        Assert.DoesNotContain(name, everything);
        Assert.DoesNotContain(note, everything);
        Assert.DoesNotContain("Shipped the edge pipeline", everything);

        // The team hears that a session started and that outcomes are out, as Teams message cards, with nobody named.
        Assert.Equal(2, hook.Bodies.Count);
        Assert.All(hook.Bodies, b => Assert.Contains("\"@type\":\"MessageCard\"", b));
        Assert.Contains(hook.Bodies, b => b.Contains("A calibration session has started"));
        Assert.Contains(hook.Bodies, b => b.Contains("Calibration outcomes are released") && b.Contains($"{BaseUrl}/calibration/outcomes"));
        Assert.DoesNotContain("Eda", string.Join("\n", hook.Bodies));
    }

    [Fact]
    public async Task A_refusing_server_delays_mail_with_backoff_loses_none_and_the_outbox_drains_when_it_recovers()
    {
        await using var s = await CreateAsync();
        var port = TestSmtpServer.FreePort();
        await SubmitAsync(s);
        var delivery = Delivery(s, port);

        // Nobody listens: each round is one failed attempt, the next one later each time.
        for (var attempt = 1; attempt <= OutboxDelivery.DegradedAfterAttempts; attempt++)
        {
            Assert.Equal(0, await delivery.DeliverDueAsync(Ct));
            await using var db = s.Database.CreateDbContext();
            var row = await db.Outbox.SingleAsync(Ct);
            Assert.Equal(attempt, row.Attempts);
            Assert.NotNull(row.LastError);
            Assert.Equal(s.Database.Clock.GetUtcNow().UtcDateTime + OutboxDelivery.Backoff(attempt), row.NextAttemptAtUtc);
            Assert.Equal(attempt >= OutboxDelivery.DegradedAfterAttempts ? 1 : 0, await OutboxDelivery.FailingAsync(db, Ct));

            // Not due yet: nothing is tried.
            s.Database.Clock.Advance(OutboxDelivery.Backoff(attempt) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await delivery.DeliverDueAsync(Ct));
            Assert.Equal(attempt, (await db.Outbox.AsNoTracking().SingleAsync(Ct)).Attempts);
            s.Database.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await using var smtp = TestSmtpServer.Start(port);
        Assert.Equal(1, await delivery.DeliverDueAsync(Ct));
        Assert.Single(smtp.Received);
        await using var after = s.Database.CreateDbContext();
        Assert.NotNull((await after.Outbox.SingleAsync(Ct)).SentAtUtc);
        Assert.Equal(0, await OutboxDelivery.FailingAsync(after, Ct));
    }

    [Fact]
    public async Task With_email_switched_off_rows_are_settled_as_not_sent_and_no_digest_is_queued()
    {
        await using var s = await CreateAsync();
        await SubmitAsync(s);
        var off = new EmailOptions();
        var webhook = new WebhookOptions();
        await new OutboxDelivery(s.Database, s.Database.Clock, off, webhook, new MessageComposer(off, webhook, new PublicLinks(null)), new HttpClient()).DeliverDueAsync(Ct);

        await using var db = s.Database.CreateDbContext();
        var row = await db.Outbox.SingleAsync(Ct);
        Assert.Equal(OutboxDelivery.EmailOff, row.SkippedReason);
        Assert.Null(row.SentAtUtc);
        Assert.Equal(0, await new DigestScheduler(s.Database, s.Database.Clock, off).QueueDueAsync(Ct));
    }

    [Fact]
    public async Task Preferences_decide_between_app_only_immediate_mail_and_the_digest()
    {
        await using var s = await CreateAsync();
        var defaults = await s.UseCase<GetNotificationPreferences>().HandleAsync(s.Manager, Ct);
        Assert.Equal(NotificationDelivery.Immediately, defaults.Single(c => c.Kind == NotificationKinds.ItemSubmitted).Delivery);
        Assert.Equal(NotificationDelivery.DailyDigest, defaults.Single(c => c.Kind == NotificationKinds.CalibrationOutcome).Delivery);

        await s.UseCase<SetNotificationPreferences>().HandleAsync(s.Manager,
            new Dictionary<string, NotificationDelivery> { [NotificationKinds.ItemSubmitted] = NotificationDelivery.InAppOnly }, Ct);
        Assert.Equal(NotificationDelivery.InAppOnly,
            (await s.UseCase<GetNotificationPreferences>().HandleAsync(s.Manager, Ct)).Single(c => c.Kind == NotificationKinds.ItemSubmitted).Delivery);
        await SubmitAsync(s);

        await using var db = s.Database.CreateDbContext();
        Assert.Equal(0, await db.Outbox.CountAsync(Ct));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == s.Manager.PersonId, Ct));

        // Another person's choice is theirs alone, and nonsense is refused without changing anything.
        Assert.Equal(NotificationDelivery.Immediately,
            (await s.UseCase<GetNotificationPreferences>().HandleAsync(s.OtherManager, Ct)).Single(c => c.Kind == NotificationKinds.ItemSubmitted).Delivery);
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<SetNotificationPreferences>().HandleAsync(s.Manager,
            new Dictionary<string, NotificationDelivery> { ["no.such-kind"] = NotificationDelivery.Immediately, [NotificationKinds.ItemSubmitted] = NotificationDelivery.DailyDigest }, Ct));
        Assert.Equal(NotificationDelivery.InAppOnly,
            (await s.UseCase<GetNotificationPreferences>().HandleAsync(s.Manager, Ct)).Single(c => c.Kind == NotificationKinds.ItemSubmitted).Delivery);
    }

    [Fact]
    public async Task The_digest_goes_once_at_the_configured_hour_in_each_persons_own_time_zone()
    {
        await using var s = await CreateAsync();
        await s.UseCase<SetTimeZone>().HandleAsync(s.Manager, "Europe/Amsterdam", cancellationToken: Ct);
        await s.UseCase<SetTimeZone>().HandleAsync(s.OtherManager, "America/New_York", cancellationToken: Ct);
        foreach (var manager in new[] { s.Manager, s.OtherManager })
        {
            await s.UseCase<SetNotificationPreferences>().HandleAsync(manager,
                new Dictionary<string, NotificationDelivery> { [NotificationKinds.ItemSubmitted] = NotificationDelivery.DailyDigest }, Ct);
        }

        // Notifications for both, one of them already read.
        await using (var db = s.Database.CreateDbContext())
        {
            var sender = new InAppNotificationSender(s.Database.Clock);
            await sender.AddAsync(db, [
                new NotificationMessage(s.Manager.PersonId!.Value, NotificationKinds.ItemSubmitted, "Eda submitted a secret statement", "/reviews/items/1"),
                new NotificationMessage(s.Manager.PersonId!.Value, NotificationKinds.ItemSubmitted, "read already", "/reviews/items/2"),
                new NotificationMessage(s.OtherManager.PersonId!.Value, NotificationKinds.ItemSubmitted, "Max submitted", "/reviews/items/3"),
            ], Ct);
            await db.SaveChangesAsync(Ct);
            await db.Notifications.Where(n => n.Title == "read already").ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow), Ct);
            Assert.Equal(0, await db.Outbox.CountAsync(Ct));
        }

        var clock = s.Database.Clock;
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 6, 30, 0, TimeSpan.Zero)); // 07:30 Amsterdam, 01:30 New York
        var email = Email(TestSmtpServer.FreePort());
        var digests = new DigestScheduler(s.Database, clock, email);
        Assert.Equal(0, await digests.QueueDueAsync(Ct));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 5, 0, TimeSpan.Zero)); // 08:05 Amsterdam
        Assert.Equal(1, await digests.QueueDueAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await digests.QueueDueAsync(Ct)); // once a day

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 13, 10, 0, TimeSpan.Zero)); // 08:10 New York
        Assert.Equal(1, await digests.QueueDueAsync(Ct));

        await using var smtp = TestSmtpServer.Start(email.SmtpPort);
        Assert.Equal(2, await Delivery(s, smtp.Port).DeliverDueAsync(Ct));
        var amsterdam = Assert.Single(smtp.Received, m => m.To.Contains(EmailOf(s, s.Manager).Result)).Message;
        Assert.Equal("Your Vaarst Growth digest: 1 notification", amsterdam.Subject);
        Assert.Contains($"{BaseUrl}/reviews/items/1", amsterdam.TextBody);
        Assert.DoesNotContain("/reviews/items/2", amsterdam.TextBody);
        Assert.DoesNotContain("secret", amsterdam.TextBody);
        Assert.Contains($"{BaseUrl}/reviews/items/3", Assert.Single(smtp.Received, m => m.To.Contains(EmailOf(s, s.OtherManager).Result)).Message.TextBody);

        // The next day brings nothing new: no digest.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 7, 5, 0, TimeSpan.Zero));
        Assert.Equal(0, await digests.QueueDueAsync(Ct));
    }

    /// <summary>A local HTTP endpoint standing in for a Slack or Teams incoming webhook.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public WebhookReceiver()
        {
            Url = $"http://127.0.0.1:{TestSmtpServer.FreePort()}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    Bodies.Add(await reader.ReadToEndAsync());
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }
        public List<string> Bodies { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
