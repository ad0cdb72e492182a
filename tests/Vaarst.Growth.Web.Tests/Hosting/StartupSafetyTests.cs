using System.Diagnostics;
using System.Net;

namespace Vaarst.Growth.Web.Tests.Hosting;

public sealed class StartupSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development", "Development sign-in is not allowed in the Production environment.")]
    [InlineData("", "Microsoft Entra ID sign-in needs AzureAd:TenantId, AzureAd:ClientId, AzureAd:ClientSecret.")]
    public async Task Production_with_an_unsafe_sign_in_exits_1_with_one_log_line_and_no_stack_trace(string mode, string reason)
    {
        // The built app's own entry point, as an operator starts it: a separate process, so its exit code is real.
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = RepositoryRoot.Combine("src", "Vaarst.Growth.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Authentication__Mode"] = mode,
                ["AzureAd__TenantId"] = "",
                ["AzureAd__ClientId"] = "",
                ["AzureAd__ClientSecret"] = "",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        var lines = ((await output) + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("crit: Vaarst.Growth[0] Vaarst Growth cannot start: ", line);
        Assert.Contains(reason, line);
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
}
