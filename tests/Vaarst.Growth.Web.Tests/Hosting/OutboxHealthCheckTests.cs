using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.People.Mail;
using Vaarst.Growth.Web.Hosting;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Hosting;

public sealed class OutboxHealthCheckTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_is_degraded_while_a_message_has_failed_repeatedly_and_healthy_once_it_is_sent()
    {
        await using var host = await CreateAsync();
        var check = new OutboxHealthCheck(host.UseCase<Microsoft.EntityFrameworkCore.IDbContextFactory<Vaarst.Growth.Core.Data.GrowthDbContext>>());
        await using (var db = host.CreateDbContext())
        {
            db.Outbox.Add(new OutboxMessage { Channel = OutboxChannels.Email, RecipientId = host.Edge.PersonId, Kind = NotificationKinds.ItemSignedOff, Attempts = OutboxDelivery.DegradedAfterAttempts - 1 });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);

        await using (var db = host.CreateDbContext())
        {
            var row = db.Outbox.Single();
            row.Attempts++;
            await db.SaveChangesAsync(Ct);
            Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);
            row.SentAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);
    }
}
