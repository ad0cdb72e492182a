using Microsoft.AspNetCore.Components;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// A page's main read, done once per page load. The prerender runs the use case and hands its result to the circuit
/// that takes the page over (Blazor's <see cref="PersistentComponentState"/>, written into the page and protected by
/// Data Protection), so the use case does not run a second time when the circuit starts. Only the first read of the
/// circuit is served from it — what this user's own prerender of this page read a moment before; every later read
/// (after a change, another filter) runs the use case, which keeps deciding what the user may see.
/// </summary>
/// <remarks>Create it in <c>OnInitialized</c> and dispose it with the page; the result type must round-trip through System.Text.Json.</remarks>
public sealed class PrerenderedRead<T> : IDisposable
    where T : class
{
    private readonly PersistentComponentState _state;
    private readonly string _key;
    private readonly PersistingComponentStateSubscription _persisting;
    private T? _last;

    /// <param name="key">Unique among the components of one page.</param>
    public PrerenderedRead(PersistentComponentState state, string key)
    {
        _state = state;
        _key = key;
        _persisting = state.RegisterOnPersisting(() =>
        {
            if (_last is not null)
            {
                _state.PersistAsJson(_key, _last);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The prerender's result when the circuit has just taken the page over; otherwise <paramref name="read"/>'s.</summary>
    public async Task<T> ReadAsync(Func<Task<T>> read)
    {
        _last = _state.TryTakeFromJson<T>(_key, out var prerendered) && prerendered is not null ? prerendered : await read();
        return _last;
    }

    public void Dispose() => _persisting.Dispose();
}
