using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

public sealed class EvidenceFileEndpointTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>
{
    private const string SamLee = "sam.lee@vaarst.example";
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("p50 12 ms, p95 19 ms\n<script>alert(1)</script>\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvidenceFile_owner_downloads_it_as_an_attachment_that_is_never_sniffed()
    {
        var evidenceId = await UploadAsync("latency results.txt");
        var client = await SignedInAsync(SamLee);

        var response = await client.GetAsync($"/evidence/{evidenceId}/file", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("latency results.txt", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EvidenceFile_of_another_engineer_is_not_found()
    {
        var evidenceId = await UploadAsync("bench.txt");
        var client = await SignedInAsync("alex.morgan@vaarst.example");

        var response = await client.GetAsync($"/evidence/{evidenceId}/file", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("p50", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task EvidenceFile_line_manager_of_the_owner_may_download_it()
    {
        var evidenceId = await UploadAsync("for-review.txt");
        var client = await SignedInAsync("priya.raman@vaarst.example");

        var response = await client.GetAsync($"/evidence/{evidenceId}/file", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task EvidenceFile_anonymous_request_is_sent_to_sign_in()
    {
        var evidenceId = await UploadAsync("anon.txt");

        var response = await app.CreateBrowserlessClient().GetAsync($"/evidence/{evidenceId}/file", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    private async Task<int> UploadAsync(string fileName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<GrowthDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        var sam = await db.People.AsNoTracking().Where(p => p.Email == SamLee).Select(p => new Actor(p.Id, p.Name, p.Roles)).SingleAsync(Ct);
        using var content = new MemoryStream(Content);
        return await scope.ServiceProvider.GetRequiredService<AddFileEvidence>().HandleAsync(sam,
            new AddFileEvidenceRequest(new EvidenceDetails("Latency results", new DateOnly(2026, 9, 11), null), fileName, content, []), Ct);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowserlessClient();
        var signIn = await SignInTests.SignInAsync(client, email, "/");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
