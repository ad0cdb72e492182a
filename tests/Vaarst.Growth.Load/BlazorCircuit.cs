using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vaarst.Growth.Load;

/// <summary>
/// One interactive Blazor Server circuit, opened the way blazor.web.js (.NET 10) opens it:
/// <list type="number">
/// <item>GET the page with the sign-in cookie; read the server component markers (<c>&lt;!--Blazor:{…}--&gt;</c>) and
/// the persisted component state from the prerendered HTML;</item>
/// <item>connect to <c>/_blazor</c> over WebSockets with the blazorpack protocol and invoke
/// <c>StartCircuit(baseUri, uri, "[]", "")</c> (root components are added afterwards, not here);</item>
/// <item>answer the server's JS interop calls (<c>JS.BeginInvokeJS</c> → <c>EndInvokeJSFromDotNet</c>); once the
/// server has attached its renderer, send <c>UpdateRootComponents</c> with an "add" operation per marker;</item>
/// <item>acknowledge every <c>JS.RenderBatch</c> with <c>OnRenderCompleted</c>, as the browser does after applying it.</item>
/// </list>
/// The circuit counts as started when its first render batch has arrived; it then stays connected until disposed.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    /// <summary>JS interop identifiers the server called, with their result type, across all circuits (for the report).</summary>
    public static readonly ConcurrentDictionary<string, int> JsCalls = new();

    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private int _renderBatches;
    private long _renderBytes;

    public int RenderBatches => _renderBatches;

    public long RenderBytes => Interlocked.Read(ref _renderBytes);

    public string? Error { get; private set; }

    public TimeSpan TimeToFirstRender { get; private set; }

    public async Task StartAsync(HttpClient client, Uri baseUrl, string cookie, string path, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var html = await Http.GetPageAsync(client, path, cookie, ct);
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null)
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server component markers.");
        }

        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.Headers["Cookie"] = cookie;
                o.Headers[Http.ForwardedProto] = "https";
            })
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
            .WithServerTimeout(TimeSpan.FromMinutes(5));
        // blazor.web.js builds its connection with the msgpack protocol renamed; the builder has registered JSON, and
        // the connection takes the last protocol registered.
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _connection = builder.Build();
        RegisterHandlers(_connection);
        await _connection.StartAsync(ct);

        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUrl.ToString(), new Uri(baseUrl, path).ToString(), "[]", "", ct);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("StartCircuit returned no circuit id.");
        }

        await _rendererAttached.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker.DeepClone(),
            }).ToArray()),
        };
        await _connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, ct);
        await _firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        TimeToFirstRender = stopwatch.Elapsed;
    }

    private void RegisterHandlers(HubConnection connection)
    {
        // .NET 10 sends (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], args =>
        {
            var asyncHandle = (long)args[0]!;
            var identifier = (string)args[1]!;
            var resultType = (int)args[3]!;
            JsCalls.AddOrUpdate($"{identifier} (result type {resultType}, call type {args[5]})", 1, (_, n) => n + 1);
            if (identifier.EndsWith("attachWebRendererInterop", StringComparison.Ordinal))
            {
                _rendererAttached.TrySetResult();
            }

            if (asyncHandle == 0)
            {
                return Task.CompletedTask;
            }

            // The browser answers [asyncHandle, succeeded, result], with what a 1920×1080 desktop browser would return for
            // the calls the app's pages make; any other call gets null, or a fresh id for a JS object reference.
            var result = resultType == 1 ? new JsonObject { ["__jsObjectId"] = asyncHandle } : BrowserResult(identifier);
            var arguments = new JsonArray(asyncHandle, true, result).ToJsonString();
            return connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, arguments);
        });
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, batch) =>
        {
            Interlocked.Increment(ref _renderBatches);
            Interlocked.Add(ref _renderBytes, batch.Length);
            _firstBatch.TrySetResult();
            return connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
        });
        connection.On<string>("JS.Error", error =>
        {
            Error = error;
            _firstBatch.TrySetException(new InvalidOperationException("The server reported a circuit error: " + error));
        });
        connection.Closed += ex =>
        {
            Error ??= "connection closed" + (ex is null ? "" : ": " + ex.Message);
            _firstBatch.TrySetException(new InvalidOperationException(Error));
            return Task.CompletedTask;
        };
    }

    private static JsonNode? BrowserResult(string identifier) => identifier switch
    {
        "mudResizeListener.getBrowserWindowSize" => new JsonObject { ["height"] = 1080, ["width"] = 1920 },
        "mudElementRef.getBoundingClientRect" => new JsonObject
        {
            ["top"] = 0, ["left"] = 0, ["width"] = 1920, ["height"] = 64, ["bottom"] = 64, ["right"] = 1920,
            ["x"] = 0, ["y"] = 0, ["windowHeight"] = 1080, ["windowWidth"] = 1920, ["scrollX"] = 0, ["scrollY"] = 0,
        },
        "mudpopoverHelper.countProviders" => 1,
        "window.hasOwnProperty" => true,
        "Blazor._internal.PageTitle.getAndRemoveExistingTitle" => "Vaarst Growth",
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
