using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Features.People;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;

namespace Vaarst.Growth.Web.Tests.Features.People;

/// <summary>The administrator's person editor: unlinking the Entra ID account a person signs in with, after confirming.</summary>
public sealed class PersonDialogTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_administrator_unlinks_a_persons_Entra_sign_in_only_after_confirming()
    {
        await using var host = await CreateAsync();
        await host.UseCase<SignInDirectory>().MatchAsync("oid-old", "eda@vaarst.example", Ct);
        var dialogs = await EditAsync(host, host.Edge);

        dialogs.WaitForElement("[data-testid=unlink-entra]").Click();

        Assert.Contains("Unlink the Entra ID account Eda Edge signs in with?", dialogs.Find("[data-testid=entra-link]").TextContent);
        Assert.Equal("oid-old", await ObjectIdAsync(host));
        dialogs.Find("[data-testid=confirm-unlink]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=entra-link]")));
        Assert.Null(await ObjectIdAsync(host));
    }

    [Fact]
    public async Task A_person_who_never_signed_in_with_Entra_has_nothing_to_unlink()
    {
        await using var host = await CreateAsync();
        var dialogs = await EditAsync(host, host.Edge);

        dialogs.WaitForAssertion(() => Assert.Contains("Matched to the Entra ID account with this e-mail", dialogs.Markup));
        Assert.Empty(dialogs.FindAll("[data-testid=unlink-entra]"));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> EditAsync(ReviewTestHost host, Actor person)
    {
        host.AddTo(this, host.Admin);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<PersonDialog>("Edit person", new DialogParameters<PersonDialog> { { d => d.PersonId, person.PersonId } }));
        return dialogs;
    }

    private static async Task<string?> ObjectIdAsync(ReviewTestHost host)
    {
        await using var db = host.CreateDbContext();
        return await db.People.Where(p => p.Id == host.Edge.PersonId).Select(p => p.EntraObjectId).SingleAsync(Ct);
    }
}
