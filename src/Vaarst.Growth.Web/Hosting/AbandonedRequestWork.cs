using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Requests whose client has gone away stop costing the server (issue #15, ADR 0010). A request that is already
/// abandoned when the pipeline reaches it (it waited in a queue while its client gave up) ends at once with 499, the
/// status proxies log for "client closed request"; otherwise everything the request runs, prerendering included, reads
/// the database under its <c>RequestAborted</c> token (<see cref="AbandonedRequests"/>), so the next query of an
/// abandoned page ends it. The same scope holds the request's one reading of its caller's directory record
/// (<see cref="RequestAuthority"/>, ADR 0004). Blazor's own connection (<c>/_blazor</c>) is left alone: a circuit outlives a dropped
/// connection and may reconnect to it.
/// </summary>
public static class AbandonedRequestWork
{
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseAbandonedRequestWork(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/_blazor"))
        {
            await next(context);
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = ClientClosedRequest;
            return;
        }

        // Only reads are cut short: a POST (sign-in, sign-out, an upload) finishes what it started, including the
        // notifications it sends after its commit, whether or not its client still waits.
        var reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        using (AbandonedRequests.Enter(reads ? context.RequestAborted : CancellationToken.None))
        using (RequestAuthority.Begin())
        {
            await next(context);
        }
    });
}
