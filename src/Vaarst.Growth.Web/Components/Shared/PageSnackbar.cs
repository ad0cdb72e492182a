using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace Vaarst.Growth.Web.Components.Shared;

/// <summary>
/// MudBlazor's snackbars, except that a message belongs to the page it was shown on: it closes when the person
/// navigates away, so "Saved: Practising" does not sit over the next page. A message that reports an action and then
/// navigates (a review decision, then the queue) opts out with <c>o.CloseAfterNavigation = false</c> in its configure.
/// </summary>
public sealed class PageSnackbar(SnackbarService snackbars) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => snackbars.ShownSnackbars;

    public SnackbarConfiguration Configuration => snackbars.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => snackbars.OnSnackbarsUpdated += value;
        remove => snackbars.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        snackbars.Add(message, severity, OnThisPage(configure), key);

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        snackbars.Add(message, severity, OnThisPage(configure), key);

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        snackbars.Add(message, severity, OnThisPage(configure), key);

    public Snackbar? Add<T>(Dictionary<string, object>? componentParameters = null, Severity severity = Severity.Normal,
        Action<SnackbarOptions>? configure = null, string? key = null) where T : IComponent =>
        snackbars.Add<T>(componentParameters, severity, OnThisPage(configure), key);

    public void Clear() => snackbars.Clear();

    public void Remove(Snackbar snackbar) => snackbars.Remove(snackbar);

    public void RemoveByKey(string key) => snackbars.RemoveByKey(key);

    public void Dispose() => snackbars.Dispose();

    private static Action<SnackbarOptions> OnThisPage(Action<SnackbarOptions>? configure) => options =>
    {
        options.CloseAfterNavigation = true;
        configure?.Invoke(options);
    };
}

public static class PageSnackbarRegistration
{
    /// <summary>Call after <c>AddMudServices</c>: every <see cref="ISnackbar"/> is a <see cref="PageSnackbar"/>.</summary>
    public static IServiceCollection AddPageSnackbars(this IServiceCollection services)
    {
        services.TryAddScoped<SnackbarService>();
        services.Replace(ServiceDescriptor.Scoped<ISnackbar, PageSnackbar>());
        return services;
    }
}
