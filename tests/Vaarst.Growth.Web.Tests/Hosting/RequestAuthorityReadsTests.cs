using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>
/// A prerendered page reads its caller's directory record once (the cookie check), however many use cases it runs
/// (ADR 0004): the layout's and the page's use cases confirm against that reading.
/// </summary>
public sealed class RequestAuthorityReadsTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The single-row reads of a person's authority (Authority.ReadAuthorityAsync) sent to this app's database.</summary>
    private readonly SqlCommandCounter _reads = new(app.DatabaseFile, command =>
        command.CommandText.Contains("\"IsActive\", \"p\".\"SecurityStamp\"", StringComparison.Ordinal)
        && command.CommandText.Contains("FROM \"People\"", StringComparison.Ordinal));

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
}
