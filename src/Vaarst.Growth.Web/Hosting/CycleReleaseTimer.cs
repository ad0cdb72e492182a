using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Moves promotion cycles to their release on the date: every few minutes (on the app's <see cref="TimeProvider"/>) it
/// runs <see cref="ReleaseDueCycles"/> as the system, which releases each cycle whose date has come and whose sessions
/// are all closed, and tells candidates and managers. A failed turn is logged and the next one tries again.
/// </summary>
public sealed class CycleReleaseTimer(IServiceScopeFactory scopes, TimeProvider time, ILogger<CycleReleaseTimer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var released = await scope.ServiceProvider.GetRequiredService<ReleaseDueCycles>().HandleAsync(Actor.System, stoppingToken);
                if (released > 0)
                {
                    logger.LogInformation("Released the outcomes of {Count} promotion cycle(s) on their release date", released);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Releasing due promotion cycles failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
