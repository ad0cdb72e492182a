using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Account;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SignIn_anonymous_visit_to_the_framework_lists_demo_people_by_role()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/framework");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/dev-signin\?returnUrl=%2Fframework$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync(["Engineer", "Line manager", "Calibration panel", "Administrator"]);
        await Expect(page.GetByTestId("signin-priya.raman@vaarst.example")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "signin-from-framework");
    }

    [Fact]
    public async Task SignIn_manager_is_greeted_and_signing_out_says_so()
    {
        var page = await app.NewPageAsync();

        await app.SignInAsync(page, "priya.raman@vaarst.example");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Priya", Level = 1 })).ToBeVisibleAsync();
        // A line manager has no checklist of her own.
        await Expect(page.GetByTestId("checklist-summary")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "home-manager");

        await page.Locator(".mud-appbar").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/account/signed-out");
        await Expect(page.GetByText("You are signed out")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "signed-out");

        // The cookie is gone: the app asks for sign-in again.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/dev-signin"));
    }
}
