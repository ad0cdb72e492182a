using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Tests.Account;

/// <summary>
/// Issue 13, part 1: a cookie issued before the directory changed (deactivation, a role removed) or before its owner
/// signed out is replayed against the endpoints: it is refused and nothing is returned. Each test has its own app and
/// database, because each changes the directory.
/// </summary>
public sealed class StaleAuthorityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivated_managers_cookie_is_signed_out_and_gets_no_gap_csv()
    {
        await using var app = new GrowthAppFactory();
        var sam = await PersonIdAsync(app, "sam.lee@vaarst.example");
        var cookie = await SignInCookieAsync(app, "priya.raman@vaarst.example");
        var replay = Replaying(app, cookie);
        var before = await replay.GetAsync($"/gap/{sam}/export.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await ChangeAsync(app, "priya.raman@vaarst.example", p => p with { IsActive = false });

        foreach (var path in new[] { $"/gap/{sam}/export.csv", "/reviews", $"/gap/{sam}" })
        {
            var response = await replay.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/signin", Where(response));
            Assert.Contains("session=ended", Where(response));
            Assert.DoesNotContain("Sam Lee", await response.Content.ReadAsStringAsync(Ct));
        }

        var signIn = await replay.GetAsync("/account/signin?returnUrl=%2Freviews&session=ended", Ct);
        Assert.Equal("/account/dev-signin?returnUrl=%2Freviews&session=ended", signIn.Headers.Location!.OriginalString);
        var page = await app.CreateBrowserlessClient().GetStringAsync(signIn.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Your session has ended", page);
        Assert.DoesNotContain("priya.raman@vaarst.example", page);
    }

    [Fact]
    public async Task Former_administrators_cookie_exports_neither_the_directory_nor_the_audit_log()
    {
        await using var app = new GrowthAppFactory();
        await AddAdministratorAsync(app);
        var replay = Replaying(app, await SignInCookieAsync(app, "nia.adeyemi@vaarst.example"));
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/admin/people/export.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/admin/audit/export", Ct)).StatusCode);

        await ChangeAsync(app, "nia.adeyemi@vaarst.example", p => p with { Roles = Roles.Engineer });

        foreach (var path in new[] { "/admin/people/export.csv", "/admin/audit/export" })
        {
            var response = await replay.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", Where(response));
            Assert.DoesNotContain("@vaarst.example", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Signing_out_ends_a_replayed_copy_of_the_cookie_too()
    {
        await using var app = new GrowthAppFactory();
        var sam = await PersonIdAsync(app, "sam.lee@vaarst.example");
        var browser = app.CreateBrowserlessClient();
        var signIn = await SignInTests.SignInAsync(browser, "priya.raman@vaarst.example", "/");
        var copy = Replaying(app, AuthCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync($"/gap/{sam}/export.csv", Ct)).StatusCode);

        var home = await browser.GetStringAsync("/", Ct);
        await browser.PostAsync("/account/signout", new FormUrlEncodedContent(SignInTests.Token(home)), Ct);

        var replayed = await copy.GetAsync($"/gap/{sam}/export.csv", Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/signin", Where(replayed));
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/", Ct)).StatusCode);

        // Signing in again works, with a new cookie.
        var again = await SignInCookieAsync(app, "priya.raman@vaarst.example");
        Assert.Equal(HttpStatusCode.OK, (await Replaying(app, again).GetAsync($"/gap/{sam}/export.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task Reduced_roles_are_written_into_the_cookie_at_the_next_request()
    {
        await using var app = new GrowthAppFactory();
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, "tomasz.okafor@vaarst.example", "/");
        Assert.Contains("href=\"/team\"", await client.GetStringAsync("/", Ct));

        await ChangeAsync(app, "tomasz.okafor@vaarst.example", p => p with { Roles = Roles.Engineer });

        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(home.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vaarst.growth=", StringComparison.Ordinal));
        Assert.DoesNotContain("href=\"/team\"", await home.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/review\r\nSet-Cookie: x=1")]
    [InlineData("/\u007f/evil.example")]
    [InlineData("/\u0001")]
    [InlineData("/caf\u00e9")]
    [InlineData("/\u2028/evil.example")]
    public async Task Return_url_with_control_or_non_ascii_characters_falls_back_to_home(string returnUrl)
    {
        // A response header carries ASCII only: Kestrel refuses anything else (HTTP 500), so such a return URL is not followed.
        await using var app = new GrowthAppFactory();
        var client = app.CreateBrowserlessClient();
        var signIn = await SignInTests.SignInAsync(client, "sam.lee@vaarst.example", returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var signedIn = await client.GetAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        var anonymous = await app.CreateBrowserlessClient().GetAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/dev-signin?returnUrl=%2F", anonymous.Headers.Location!.OriginalString);
    }

    /// <summary>Where a redirect sends the browser (path and query; the cookie handler writes absolute URLs).</summary>
    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private static async Task<string> SignInCookieAsync(GrowthAppFactory app, string email) =>
        AuthCookie(await SignInTests.SignInAsync(app.CreateBrowserlessClient(), email, "/"));

    /// <summary>The sign-in cookie (name=value) the response set.</summary>
    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vaarst.growth=", StringComparison.Ordinal));

    /// <summary>A client that sends exactly this cookie on every request, as an attacker replaying a copy would.</summary>
    private static HttpClient Replaying(GrowthAppFactory app, string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<int> PersonIdAsync(GrowthAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SignInDirectory>().ListAsync(Ct)).Single(p => p.Email == email).Id;
    }

    /// <summary>The directory changes the person, through the same use case the administrator's editor uses.</summary>
    private static async Task ChangeAsync(GrowthAppFactory app, string email, Func<UpdatePersonRequest, UpdatePersonRequest> change)
    {
        var id = await PersonIdAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        var edit = await scope.ServiceProvider.GetRequiredService<GetPersonForEdit>().HandleAsync(Actor.System, id, Ct);
        var request = new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism,
            edit.CurrentLevel, edit.TargetLevel, edit.Roles, edit.IsActive);
        await scope.ServiceProvider.GetRequiredService<UpdatePerson>().HandleAsync(Actor.System, change(request), Ct);
    }

    /// <summary>A second administrator, so removing the first one's role leaves the organisation administered.</summary>
    private static async Task AddAdministratorAsync(GrowthAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UpdatePerson>().HandleAsync(Actor.System,
            new UpdatePersonRequest(null, 0, "Second Admin", "second.admin@vaarst.example", null, null, null, null, null, Roles.Administrator), Ct);
    }
}
