using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vaarst.Growth.Core.Data;

/// <summary>
/// Work for a client that has gone away stops at the next query (issue #15, ADR 0010). The host says, for the code
/// that runs on behalf of one request, which token ends that request (<see cref="Enter"/>: the web app passes
/// <c>HttpContext.RequestAborted</c> for page and endpoint requests); every read query the use cases send then checks
/// it first (<see cref="Interceptor"/>, registered on every context by <see cref="GrowthDatabase.Configure"/>), so a
/// prerender whose browser tab closed or whose proxy timed out ends with the read it was about to send, instead of
/// reading and rendering a page nobody will receive.
/// <para>Only reads outside a transaction are stopped: a use case that has started writing finishes its unit of
/// work (it is all or nothing either way), and the command line and Blazor circuits, which enter no token, are
/// never stopped.</para>
/// </summary>
public static class AbandonedRequests
{
    private static readonly AsyncLocal<CancellationToken> CurrentToken = new();

    /// <summary>The token of the request the current code runs for, or none.</summary>
    public static CancellationToken Current => CurrentToken.Value;

    /// <summary>Marks the code that runs until the returned scope is disposed as working for a request that
    /// <paramref name="requestAborted"/> ends.</summary>
    public static Scope Enter(CancellationToken requestAborted)
    {
        var previous = CurrentToken.Value;
        CurrentToken.Value = requestAborted;
        return new Scope(previous);
    }

    public readonly struct Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => CurrentToken.Value = previous;
    }

    /// <summary>The interceptor every context gets: it refuses to start a read query for an abandoned request.</summary>
    public static DbCommandInterceptor Interceptor { get; } = new StopAbandonedReads();

    private sealed class StopAbandonedReads : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            StopIfAbandoned(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            StopIfAbandoned(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            StopIfAbandoned(command, eventData);
            return ValueTask.FromResult(result);
        }

        private static void StopIfAbandoned(DbCommand command, CommandEventData eventData)
        {
            if (eventData.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery && command.Transaction is null)
            {
                Current.ThrowIfCancellationRequested();
            }
        }
    }
}
