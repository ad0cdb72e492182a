using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>
/// A prerendered page reads its caller's directory record once (the cookie check), however many use cases it runs
/// (ADR 0004): the layout's and the page's use cases confirm against that reading.
/// </summary>
public sealed class RequestAuthorityReadsTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly AuthorityReads _reads = AuthorityReads.Listen(app.DatabaseFile);

    [Theory]
    [InlineData("sam.lee@vaarst.example", "/checklist")]
    [InlineData("sam.lee@vaarst.example", "/gap")]
    [InlineData("priya.raman@vaarst.example", "/reviews")]
    public async Task A_page_request_reads_its_callers_authority_once(string email, string path)
    {
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, email, "/");

        _reads.Reset();
        var response = await client.GetAsync(path, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _reads.Count);
    }

    public void Dispose() => _reads.Dispose();

    /// <summary>Counts the single-row reads of a person's authority that EF sends to one database file.</summary>
    private sealed class AuthorityReads : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _databaseFile;
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private int _count;

        private AuthorityReads(string databaseFile) => _databaseFile = databaseFile;

        public int Count => Volatile.Read(ref _count);

        public static AuthorityReads Listen(string databaseFile)
        {
            var reads = new AuthorityReads(databaseFile);
            reads._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(reads));
            return reads;
        }

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: DbCommand command }
                && command.Connection?.DataSource == _databaseFile
                && command.CommandText.Contains("\"IsActive\", \"p\".\"SecurityStamp\"", StringComparison.Ordinal)
                && command.CommandText.Contains("FROM \"People\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
