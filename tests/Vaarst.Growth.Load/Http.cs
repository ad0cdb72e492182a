using System.Net;

namespace Vaarst.Growth.Load;

/// <summary>One HTTP client for the tool: no automatic cookies (the app's cookies are Secure, and we talk plain HTTP
/// behind a pretend TLS proxy) and no redirects (a redirect to sign-in must show up as a failure).</summary>
public static class Http
{
    public const string ForwardedProto = "X-Forwarded-Proto";

    public static HttpClient Create(Uri baseUrl) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestHeaders = { { ForwardedProto, "https" } },
    };

    /// <summary>The name=value pairs of the Set-Cookie headers whose names start with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> Cookies(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';', 2)[0]).Where(v => v.StartsWith(prefix, StringComparison.Ordinal))
            : [];

    public static async Task<string> GetPageAsync(HttpClient client, string path, string cookie, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return body;
    }
}
