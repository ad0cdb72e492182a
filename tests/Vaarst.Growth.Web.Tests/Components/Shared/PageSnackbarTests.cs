using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Vaarst.Growth.Web.Components.Shared;

namespace Vaarst.Growth.Web.Tests.Components.Shared;

/// <summary>Issue 19, 6: a message belongs to the page it was shown on.</summary>
public sealed class PageSnackbarTests : BunitContext
{
    public PageSnackbarTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPageSnackbars();
    }

    [Fact]
    public void Messages_close_when_the_person_navigates_away_unless_they_report_the_navigation()
    {
        Render<MudSnackbarProvider>();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        snackbar.Add("Saved: Practising", Severity.Success);
        snackbar.Add("Could not save", Severity.Error, o => o.RequireInteraction = true);
        snackbar.Add("Sign off: done. Eda has been told.", Severity.Success, o => o.CloseAfterNavigation = false);
        Assert.Equal(3, snackbar.ShownSnackbars.Count());

        Services.GetRequiredService<NavigationManager>().NavigateTo("/checklist/items/1");

        Assert.Equal(["Sign off: done. Eda has been told."], snackbar.ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public void Messages_stay_while_the_person_stays_on_the_page()
    {
        Render<MudSnackbarProvider>();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        snackbar.Add("Saved: Practising", Severity.Success);

        Assert.Single(snackbar.ShownSnackbars);
        Assert.IsType<PageSnackbar>(snackbar);
    }
}
