using System.Net;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Hosting;

public sealed class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers()
    {
        await using var app = new GrowthAppFactory();
        var response = await app.CreateBrowserlessClient().GetAsync("/account/dev-signin", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only_and_same_site()
    {
        await using var app = new GrowthAppFactory();
        var response = await SignInTests.SignInAsync(app.CreateBrowserlessClient(), "sam.lee@vaarst.example", "/");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vaarst.growth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        await using var first = new GrowthAppFactory();
        var signIn = await SignInTests.SignInAsync(first.CreateBrowserlessClient(), "sam.lee@vaarst.example", "/");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vaarst.growth=")).Split(';')[0];

        await using var second = new GrowthAppFactory("Development", new() { ["ConnectionStrings:Growth"] = $"Data Source={first.DatabaseFile}" });
        var client = second.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/framework");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Level 4 (Mid)", await response.Content.ReadAsStringAsync(Ct));

        await using var separate = new GrowthAppFactory();
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/framework");
        elsewhere.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await separate.CreateBrowserlessClient().SendAsync(elsewhere, Ct)).StatusCode);
    }
}
