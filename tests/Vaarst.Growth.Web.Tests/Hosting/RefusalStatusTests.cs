using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>
/// Issue 19, 7 and 9: the prerendered response of a refusal answers with its HTTP status, so browsers, proxies and
/// monitoring see it as such; another person's record is "not found" exactly as a missing one is.
/// </summary>
public sealed class RefusalStatusTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_item_answers_404_with_the_not_found_page()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");

        var response = await sam.GetAsync("/checklist/items/999999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Blazor leaves a 404's body to the app's not-found page (status-code re-execution); the circuit then shows the
        // item page's own message.
        Assert.Contains("There is nothing here", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Another_persons_item_answers_404_exactly_as_a_missing_one()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");
        var alexsItem = await ItemIdAsync("alex.morgan@vaarst.example");

        var others = await sam.GetAsync($"/checklist/items/{alexsItem}", Ct);
        var missing = await sam.GetAsync("/checklist/items/999999", Ct);
        var review = await sam.GetAsync($"/reviews/items/{alexsItem}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
        var body = await others.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Alex Morgan", body);
        Assert.Equal(Visible(await missing.Content.ReadAsStringAsync(Ct)), Visible(body));
    }

    [Fact]
    public async Task Another_persons_gap_view_and_a_missing_level_answer_404()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");
        var alex = await PersonIdAsync("alex.morgan@vaarst.example");

        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/gap/{alex}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/framework/levels/999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/no/such/page", Ct)).StatusCode);
    }

    [Fact]
    public async Task Readable_records_still_answer_200()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");

        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/checklist/items/{await ItemIdAsync("sam.lee@vaarst.example")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Forbidden_admin_page_leads_to_a_403()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");

        var response = await sam.GetAsync("/admin/people", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await sam.GetAsync(response.Headers.Location!, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("This page is not part of your role", await denied.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("@vaarst.example", await denied.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Engineer_opening_the_review_url_of_their_own_item_is_taken_to_their_item_page()
    {
        var sam = await SignedInAsync("sam.lee@vaarst.example");
        var own = await ItemIdAsync("sam.lee@vaarst.example");

        var response = await sam.GetAsync($"/reviews/items/{own}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/checklist/items/{own}", response.Headers.Location!.OriginalString);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, email, "/");
        return client;
    }

    private async Task<int> PersonIdAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> ItemIdAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct);
        return await db.ChecklistItems.Where(i => i.Person!.Email == email).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
    }

    /// <summary>The page's text without markup, so two refusals can be compared word for word.</summary>
    private static string Visible(string html) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " "), @"\s+", " ");
}
