using System.Net;

namespace Vaarst.Growth.Web.Tests.Hosting;

public sealed class StartupSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_with_development_sign_in_refuses_to_start()
    {
        await using var app = new GrowthAppFactory("Production", new() { ["Authentication:Mode"] = "Development" });

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Development sign-in is not allowed in the Production environment", Flatten(ex));
    }

    [Fact]
    public async Task Production_without_entra_settings_refuses_to_start()
    {
        await using var app = new GrowthAppFactory("Production", new() { ["Authentication:Mode"] = "", ["AzureAd:TenantId"] = "", ["AzureAd:ClientId"] = "" });

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AzureAd:TenantId, AzureAd:ClientId", Flatten(ex));
    }

    [Fact]
    public async Task Production_with_entra_settings_starts_and_serves_health()
    {
        await using var app = new GrowthAppFactory("Production", new()
        {
            ["Authentication:Mode"] = "EntraId",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["AzureAd:ClientSecret"] = "not-a-real-secret",
            ["Database:SeedDemoData"] = "false",
        });
        var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        var page = await client.GetAsync("/framework", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery);
        Assert.Contains("Development sign-in is switched off", await client.GetStringAsync("/account/dev-signin", Ct));
    }

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " | " + Flatten(ex.InnerException);
}
