using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>A request whose client has gone away does no more work (ADR 0010).</summary>
public sealed class AbandonedRequestWorkTests
{
    private static async Task<(int Status, bool Ran, CancellationToken SeenByApp)> RunAsync(string path, CancellationToken requestAborted, string method = "GET")
    {
        var ran = false;
        CancellationToken seen = default;
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseAbandonedRequestWork();
        app.Run(_ =>
        {
            ran = true;
            seen = AbandonedRequests.Current;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestAborted = requestAborted };
        context.Request.Path = path;
        context.Request.Method = method;
        await app.Build()(context);
        return (context.Response.StatusCode, ran, seen);
    }

    [Fact]
    public async Task A_request_abandoned_before_it_is_reached_does_nothing_and_answers_499()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var (status, ran, _) = await RunAsync("/checklist", aborted.Token);

        Assert.Equal(499, status);
        Assert.False(ran);
    }

    [Fact]
    public async Task A_live_request_runs_with_its_token_as_the_token_that_stops_its_reads()
    {
        using var request = new CancellationTokenSource();

        var (status, ran, seen) = await RunAsync("/checklist", request.Token);

        Assert.Equal(200, status);
        Assert.True(ran);
        Assert.Equal(request.Token, seen);
        Assert.Equal(CancellationToken.None, AbandonedRequests.Current);
    }

    [Fact]
    public async Task A_write_request_finishes_what_it_started_even_if_its_client_leaves()
    {
        using var request = new CancellationTokenSource();

        var (status, ran, seen) = await RunAsync("/account/signout", request.Token, "POST");

        Assert.Equal(200, status);
        Assert.True(ran);
        Assert.Equal(CancellationToken.None, seen);
    }

    [Fact]
    public async Task Blazor_connections_are_left_alone_since_a_circuit_outlives_its_connection()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var (_, ran, seen) = await RunAsync("/_blazor", aborted.Token);

        Assert.True(ran);
        Assert.Equal(CancellationToken.None, seen);
    }
}
