using Vaarst.Growth.Web.Components.Layout;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Renders the theme's CSS (<see cref="GrowthThemeStyle"/>) while the app starts, so the first page does not wait for it.</summary>
internal sealed class ThemeWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => GrowthThemeStyle.WarmUp();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
