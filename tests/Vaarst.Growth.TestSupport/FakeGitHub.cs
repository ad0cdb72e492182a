using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Vaarst.Growth.TestSupport;

/// <summary>
/// A local GitHub API (WireMock.Net) serving recorded responses, so no test ever calls the internet. The token decides
/// what GitHub does: <see cref="Token"/> works (user eda-edge, three merged pull requests over two pages, one issue),
/// <see cref="RateLimitedToken"/> answers 403 with the rate limit used up, <see cref="BrokenToken"/> answers 500,
/// anything else 401. Octokit adds <c>api/v3/</c> to a host other than api.github.com, as for GitHub Enterprise.
/// </summary>
public sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghp_fakeTokenForEdaEdge0000000000000000";
    public const string RateLimitedToken = "ghp_rateLimited000000000000000000000000";
    public const string BrokenToken = "ghp_serverError000000000000000000000000";
    public const int PageSize = 2;

    private static readonly Lazy<FakeGitHub> SharedServer = new(() => new FakeGitHub());
    private readonly WireMockServer _server;

    public FakeGitHub()
    {
        _server = WireMockServer.Start();
        var api = "/api/v3";
        Stub(RateLimitedToken, Request.Create().UsingGet().WithPath(new WildcardMatcher(api + "/*")), Response.Create().WithStatusCode(403)
            .WithHeader("X-RateLimit-Limit", "30").WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString())
            .WithHeader("Content-Type", "application/json").WithBody(Recorded("rate-limited.json")));
        Stub(BrokenToken, Request.Create().UsingGet().WithPath(new WildcardMatcher(api + "/*")), Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithBody(Recorded("server-error.json")));
        Stub(Token, Request.Create().UsingGet().WithPath(api + "/user"), Json("user.json"));
        Stub(Token, Request.Create().UsingGet().WithPath(api + "/search/issues").WithParam("q", new WildcardMatcher("is:pr *")).WithParam("page", "1"), Json("search-pulls-page1.json"));
        Stub(Token, Request.Create().UsingGet().WithPath(api + "/search/issues").WithParam("q", new WildcardMatcher("is:pr *")).WithParam("page", "2"), Json("search-pulls-page2.json"));
        Stub(Token, Request.Create().UsingGet().WithPath(api + "/search/issues").WithParam("q", new WildcardMatcher("is:issue *")), Json("search-issues.json"));
        _server.Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher(api + "/*"))).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("{\"message\":\"Bad credentials\"}"));
        WarmUp();
    }

    /// <summary>One server for the whole test run.</summary>
    public static FakeGitHub Shared => SharedServer.Value;

    /// <summary>The base URL to configure as <c>GitHub:BaseUrl</c>.</summary>
    public string BaseUrl => _server.Url! + "/";

    /// <summary>How many calls reached the fake (to show a test that nothing else was asked).</summary>
    public int Calls => _server.LogEntries.Count();

    public void Dispose() => _server.Stop();

    /// <summary>
    /// Serves one request before any test's client does. The first request a fresh server answers compiles its whole
    /// request pipeline (Kestrel and WireMock's middleware, matchers and response builder): on a loaded two-core CI
    /// machine that took longer than a test's GitHub timeout, and the test whose call came first failed with "GitHub
    /// cannot be reached" (seen in GitHubImportTests). Here it is paid once, with no timeout, while the server starts.
    /// </summary>
    private void WarmUp()
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + "api/v3/user");
        request.Headers.Add("Authorization", "token " + Token);
        request.Headers.Add("User-Agent", "FakeGitHub");
        using var response = client.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The fake GitHub answered its warm-up request with {(int)response.StatusCode}.");
        }

        _server.ResetLogEntries();
    }

    private void Stub(string token, IRequestBuilder request, IResponseBuilder response) =>
        _server.Given(request.WithHeader("Authorization", new WildcardMatcher("* " + token))).AtPriority(1).RespondWith(response);

    private static IResponseBuilder Json(string file) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(Recorded(file));

    private static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GitHub", file));
}
