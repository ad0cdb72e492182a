using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;

namespace Vaarst.Growth.Web.Components.Layout;

/// <summary>
/// The theme's CSS variables (<see cref="GrowthTheme"/>) as <c>MudThemeProvider</c> writes them, rendered once per
/// palette and process (at start-up, <see cref="WarmUp"/>) and then written as a fixed string. A <c>MudThemeProvider</c>
/// in the layout built a new default theme in its constructor, recomputed the palette's ~200 variables on every render of
/// the layout and, per circuit, watched the system's dark mode through JS interop (which would switch the palette behind
/// the person's own choice): about 4–5 % of a page's server time (docs/performance.md, issue #15). The markup is the
/// provider's own, so the look cannot drift from MudBlazor's.
/// </summary>
public sealed class GrowthThemeStyle : ComponentBase
{
    private static readonly Lazy<Task<string>> Light = new(() => RenderAsync(darkMode: false));
    private static readonly Lazy<Task<string>> Dark = new(() => RenderAsync(darkMode: true));
    private (bool DarkMode, string Css)? _css;
    private bool? _shown;

    /// <summary>The dark palette instead of the light one.</summary>
    [Parameter] public bool DarkMode { get; set; }

    /// <summary>What <c>MudThemeProvider</c> renders for <see cref="GrowthTheme.Theme"/> in that mode (rendered on first use).</summary>
    public static Task<string> CssAsync(bool darkMode) => (darkMode ? Dark : Light).Value;

    /// <summary>Renders both palettes' CSS before the app takes requests, so no page waits for it.</summary>
    public static Task WarmUp() => Task.WhenAll(CssAsync(darkMode: false), CssAsync(darkMode: true));

    protected override async Task OnParametersSetAsync()
    {
        var darkMode = DarkMode;
        _css = (darkMode, await CssAsync(darkMode));
    }

    protected override bool ShouldRender() => _css is { } css && _shown != css.DarkMode;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (_css is { } css)
        {
            _shown = css.DarkMode;
            builder.AddMarkupContent(0, css.Css);
        }
    }

    private static async Task<string> RenderAsync(bool darkMode)
    {
        // A private container: the provider asks for a JS runtime and a logger; a static render never calls JS.
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = GrowthTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            return output.ToHtmlString();
        });
    }

    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
