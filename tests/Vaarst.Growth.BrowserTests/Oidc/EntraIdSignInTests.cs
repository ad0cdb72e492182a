using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vaarst.Growth.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Oidc;

/// <summary>
/// Microsoft Entra ID sign-in end to end against a real OpenID Connect provider (see <see cref="OidcFixture"/>):
/// authorization code with PKCE, the id_token's <c>oid</c>, <c>preferred_username</c> and <c>roles</c>, directory
/// matching, and sign-out of both the app and the provider.
/// </summary>
[Collection(RunsAlone)]
public sealed class EntraIdSignInTests(OidcFixture oidc) : IClassFixture<OidcFixture>
{
    /// <summary>
    /// This class brings its own app, provider and browser: it runs after the other browser tests rather than beside
    /// them, so neither slows the other on a busy machine.
    /// </summary>
    public const string RunsAlone = "Entra ID sign-in (runs alone)";

    [Fact]
    public async Task EntraId_engineer_and_manager_sign_in_at_the_provider_see_their_roles_and_sign_out()
    {
        var page = await oidc.NewPageAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        Assert.Null(await oidc.StoredObjectIdAsync("sam.lee@vaarst.example"));

        // Sam, an engineer, opens his checklist; the app sends him to the provider to sign in.
        await page.GotoAsync("/checklist");
        await SignInAtProviderAsync(page, "sam", screenshot: "oidc-provider-login");

        await Expect(page).ToHaveURLAsync($"{oidc.BaseUrl}/checklist", new() { Timeout = OidcFixture.Patience });
        await OidcFixture.WaitForSignedInAsync(page, "Sam Lee");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My checklist" })).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reviews" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My team" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await AppFixture.ScreenshotAsync(page, "oidc-engineer-checklist");

        // The first sign-in matched Sam by e-mail and stored his object id, so later sign-ins match on it.
        Assert.Equal(OidcFixture.ObjectIdOf("sam"), await oidc.StoredObjectIdAsync("sam.lee@vaarst.example"));

        // Manager and administrator pages are not his.
        await page.GotoAsync("/team");
        await Expect(page.GetByText("Nobody reports to you")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByText("This page is not part of your role")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });

        // Signing out ends the app's session and the provider's.
        await OidcFixture.WaitForSignedInAsync(page, "Sam Lee");
        await page.Locator(".mud-appbar").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ConfirmProviderSignOutAsync(page);
        await Expect(page).ToHaveURLAsync($"{oidc.BaseUrl}/account/signed-out", new() { Timeout = OidcFixture.Patience });
        await Expect(page.GetByText("You are signed out")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });

        // Same browser: the provider asks for a login again (its session is gone), and Priya, a manager, gives hers.
        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "priya");

        await Expect(page).ToHaveURLAsync($"{oidc.BaseUrl}/", new() { Timeout = OidcFixture.Patience });
        await OidcFixture.WaitForSignedInAsync(page, "Priya Raman");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reviews" })).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My team" })).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My checklist" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await page.GotoAsync("/team");
        await Expect(page.GetByTestId("team-table").GetByText("Sam Lee")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await AppFixture.ScreenshotAsync(page, "oidc-manager-team");
    }

    [Fact]
    public async Task EntraId_someone_not_in_the_directory_is_told_to_ask_an_administrator()
    {
        var page = await oidc.NewPageAsync();

        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "visitor");

        await Expect(page.GetByText("You are signed in, but not in the directory")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My checklist" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await AppFixture.ScreenshotAsync(page, "oidc-not-in-directory");
    }

    [Fact]
    public async Task EntraId_roles_come_from_the_directory_and_a_deactivated_person_is_signed_out_at_the_next_request()
    {
        var page = await oidc.NewPageAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        // Jordan's token claims Administrator and Manager; the directory makes him an engineer, and that is what counts.
        await page.GotoAsync("/checklist");
        await SignInAtProviderAsync(page, "jordan");
        await OidcFixture.WaitForSignedInAsync(page, "Jordan Kim");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My checklist" })).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reviews" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByText("This page is not part of your role")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });

        // The administrator deactivates him. His cookie is refused at the next request; back at the provider (whose own
        // session still knows him) he is no longer an active person in the directory, so he can do nothing.
        await using (var scope = oidc.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var id = (await services.GetRequiredService<SignInDirectory>().ListAsync(TestContext.Current.CancellationToken)).Single(p => p.Email == "jordan.kim@vaarst.example").Id;
            var edit = await services.GetRequiredService<GetPersonForEdit>().HandleAsync(Actor.System, id, TestContext.Current.CancellationToken);
            await services.GetRequiredService<UpdatePerson>().HandleAsync(Actor.System, new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email,
                edit.ManagerEmail, edit.Craft, edit.Specialism, edit.CurrentLevel, edit.TargetLevel, edit.Roles, IsActive: false), TestContext.Current.CancellationToken);
        }

        await page.GotoAsync("/checklist");
        await Expect(page.GetByText("You are signed in, but not in the directory")).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My checklist" })).ToHaveCountAsync(0, new() { Timeout = OidcFixture.Patience });
        await AppFixture.ScreenshotAsync(page, "oidc-deactivated");
    }

    /// <summary>Fills oidc-provider's development login form (any password) and waits to be back in the app.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login, string? screenshot = null)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(oidc.Issuer)}/interaction/"), new() { Timeout = OidcFixture.Patience });
        var loginBox = page.Locator("input[name=login]");
        await Expect(loginBox).ToBeVisibleAsync(new() { Timeout = OidcFixture.Patience });
        if (screenshot is not null)
        {
            await AppFixture.ScreenshotAsync(page, screenshot);
        }

        await loginBox.FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("not checked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(oidc.BaseUrl)}/"), new() { Timeout = OidcFixture.Patience });
    }

    /// <summary>The provider asks before ending its session; the app then lands on its signed-out page.</summary>
    private async Task ConfirmProviderSignOutAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(oidc.Issuer)}/session/end"), new() { Timeout = OidcFixture.Patience });
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
    }
}

[CollectionDefinition(EntraIdSignInTests.RunsAlone, DisableParallelization = true)]
public sealed class EntraIdSignInCollection;
