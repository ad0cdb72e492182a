using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People.Mail;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Runs the outbox (ADR 0013): every <see cref="OutboxSchedule.Interval"/> (<c>Outbox:PollInterval</c>, 15 s by default) it queues the digests that are due and delivers what is
/// waiting, after queuing pre-read and cycle deadline reminders (<see cref="PreReadReminders"/>, <see cref="CycleDeadlineReminders"/>). Time comes from <see cref="TimeProvider"/>; a failure is logged and tried again on the next round.
/// </summary>
public sealed class OutboxWorker(PreReadReminders reminders, CycleDeadlineReminders deadlines, DigestScheduler digests, OutboxDelivery delivery, OutboxSchedule schedule, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    private TimeSpan Interval => schedule.Interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.QueueDueAsync(stoppingToken);
                await deadlines.QueueDueAsync(stoppingToken);
                await digests.QueueDueAsync(stoppingToken);
                await delivery.DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The outbox round failed; it runs again in {Interval}.", Interval);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>/health is Degraded while a waiting message has failed <see cref="OutboxDelivery.DegradedAfterAttempts"/> times or more.</summary>
public sealed class OutboxHealthCheck(IDbContextFactory<GrowthDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failing = await OutboxDelivery.FailingAsync(db, cancellationToken);
        return failing == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{failing} outgoing message(s) failed {OutboxDelivery.DegradedAfterAttempts} or more times and are being retried.");
    }
}

/// <summary>How often the outbox worker runs a round (<c>Outbox:PollInterval</c>): 15 s by default; tests shorten it so mail arrives promptly.</summary>
public sealed class OutboxSchedule
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    public TimeSpan PollInterval { get; set; } = DefaultInterval;

    /// <summary>The configured interval, or the default when it is missing or not positive.</summary>
    public TimeSpan Interval => PollInterval > TimeSpan.Zero ? PollInterval : DefaultInterval;
}

public static class OutboxServices
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions());
        services.AddSingleton(configuration.GetSection("Notifications").Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddSingleton(configuration.GetSection("Outbox").Get<OutboxSchedule>() ?? new OutboxSchedule());
        services.AddSingleton(new PublicLinks(configuration["App:PublicBaseUrl"]));
        services.AddSingleton<MessageComposer>();
        services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        services.AddSingleton<OutboxDelivery>(sp => new OutboxDelivery(
            sp.GetRequiredService<IDbContextFactory<GrowthDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EmailOptions>(), sp.GetRequiredService<WebhookOptions>(), sp.GetRequiredService<MessageComposer>(),
            sp.GetRequiredService<HttpClient>()));
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<PreReadReminders>();
        services.AddSingleton<CycleDeadlineReminders>();
        return services;
    }
}
