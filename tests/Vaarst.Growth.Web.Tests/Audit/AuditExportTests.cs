using System.Net;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Audit;

public sealed class AuditExportTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_for_the_administrator_is_a_csv_of_the_audit_log()
    {
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, "nia.adeyemi@vaarst.example", "/");

        var response = await client.GetAsync("/admin/audit/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,OccurredAtUtc,Actor", lines[0]);
        Assert.True(lines.Length > 1, "The demo organisation's framework import and seeded items leave audit events.");
    }

    [Fact]
    public async Task Export_for_an_engineer_is_forbidden()
    {
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, "sam.lee@vaarst.example", "/");
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");

        var response = await client.GetAsync("/admin/audit/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("OccurredAtUtc", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Export_for_an_engineer_in_a_browser_shows_the_access_denied_page()
    {
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, "sam.lee@vaarst.example", "/");

        var response = await client.GetAsync("/admin/audit/export", Ct);

        // The cookie scheme answers a page request's 403 with its access-denied page rather than a bare status.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("OccurredAtUtc", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Export_for_an_anonymous_caller_sends_them_to_sign_in()
    {
        var response = await app.CreateBrowserlessClient().GetAsync("/admin/audit/export", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/reviews")]
    [InlineData("/reviews/items/1")]
    [InlineData("/team")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/delegations")]
    public async Task Manager_and_admin_pages_send_anonymous_callers_to_sign_in(string path)
    {
        var response = await app.CreateBrowserlessClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }
}
