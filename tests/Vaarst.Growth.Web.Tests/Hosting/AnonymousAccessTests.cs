using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>Every page and endpoint the app maps, found from its own routing table, sends an anonymous caller to sign in.</summary>
public sealed partial class AnonymousAccessTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>
{
    /// <summary>What anyone may reach: sign-in pages, health, error pages, Blazor's own plumbing and static files.</summary>
    private static readonly Regex Public = PublicRoutes();

    [Fact]
    public async Task Every_page_and_endpoint_redirects_an_anonymous_caller_to_sign_in()
    {
        var client = app.CreateBrowserlessClient();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => !Public.IsMatch(route))
            .Select(route => RouteParameter().Replace(route, "1"))
            .Distinct()
            .ToList();

        Assert.Contains("/checklist", routes);
        Assert.Contains("/evidence/1/file", routes);
        Assert.Contains("/admin/audit/export", routes);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route, TestContext.Current.CancellationToken);
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/account/signin"))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"^/(account/|health|not-found|error|_blazor|_framework|_content|favicon|app\.css|.*\.(css|js|svg|png|ico|json|map|woff2?)$|.*#)", RegexOptions.IgnoreCase)]
    private static partial Regex PublicRoutes();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
