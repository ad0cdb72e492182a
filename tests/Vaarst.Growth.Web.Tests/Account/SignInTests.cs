using System.Net;
using System.Text.RegularExpressions;

namespace Vaarst.Growth.Web.Tests.Account;

public sealed partial class SignInTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_200_without_signing_in()
    {
        var response = await app.CreateBrowserlessClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/framework")]
    [InlineData("/framework/levels/1")]
    public async Task Anonymous_page_request_redirects_to_sign_in(string path)
    {
        var response = await app.CreateBrowserlessClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_endpoint_in_development_mode_sends_people_to_the_demo_list()
    {
        var response = await app.CreateBrowserlessClient().GetAsync("/account/signin?returnUrl=%2Fframework", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/dev-signin?returnUrl=%2Fframework", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Development_sign_in_page_lists_demo_people_by_role()
    {
        var html = await app.CreateBrowserlessClient().GetStringAsync("/account/dev-signin", Ct);

        foreach (var text in new[] { "Engineer", "Line manager", "Calibration panel", "Administrator", "Alex Morgan", "Priya Raman", "Nia Adeyemi", "Morgan Ellis" })
        {
            Assert.Contains(text, html);
        }
    }

    [Fact]
    public async Task Development_sign_in_then_framework_page_shows_the_catalogue()
    {
        var client = app.CreateBrowserlessClient();

        var signIn = await SignInAsync(client, "alex.morgan@vaarst.example", "/framework");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/framework", signIn.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/framework", Ct);
        Assert.Contains("ML and Edge ML Engineer Craft", page);
        Assert.Contains("Level 4 (Mid)", page);
    }

    [Fact]
    public async Task Development_sign_in_ignores_a_return_url_to_another_site()
    {
        var client = app.CreateBrowserlessClient();

        var signIn = await SignInAsync(client, "sam.lee@vaarst.example", "https://evil.example/steal");

        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Development_sign_in_without_antiforgery_token_is_refused()
    {
        var client = app.CreateBrowserlessClient();

        var response = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["personId"] = "1" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/framework", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = app.CreateBrowserlessClient();
        await SignInAsync(client, "priya.raman@vaarst.example", "/");
        var home = await client.GetStringAsync("/", Ct);
        Assert.Contains("Welcome, Priya", home);

        var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(Token(home)), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signed-out", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    /// <summary>Signs in through the real page: reads the person's form and its antiforgery token, then posts it.</summary>
    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string returnUrl)
    {
        var html = await client.GetStringAsync("/account/dev-signin", Ct);
        var form = Regex.Match(html, $"<form[^>]*data-testid=\"signin-{Regex.Escape(email)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"No sign-in form for {email}");
        var personId = PersonIdInput().Match(form.Groups[1].Value).Groups[1].Value;
        var fields = Token(form.Groups[1].Value);
        fields["personId"] = personId;
        fields["returnUrl"] = returnUrl;
        return await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent(fields), Ct);
    }

    internal static Dictionary<string, string> Token(string html)
    {
        var token = AntiforgeryInput().Match(html);
        Assert.True(token.Success, "No antiforgery token in the page");
        return new Dictionary<string, string> { [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value) };
    }

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("name=\"personId\" value=\"(\\d+)\"")]
    private static partial Regex PersonIdInput();
}
