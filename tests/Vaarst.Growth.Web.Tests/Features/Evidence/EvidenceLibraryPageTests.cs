using Bunit;
using MudBlazor;
using Vaarst.Growth.Web.Features.Evidence;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

public sealed class EvidenceLibraryPageTests(SeededDatabase shared) : ComponentTestContext, IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task EvidenceLibraryPage_cards_render_no_mudblazor_component()
    {
        // Issue #15 / ADR 0007: a card's icon, texts, chips and action buttons are plain markup with MudBlazor's classes
        // (Light); only page-level controls (the archived switch, the add button) are MudBlazor components.
        await SignInAsync(shared, SeededDatabase.SamLee);
        var page = Render<EvidenceLibraryPage>();
        page.WaitForElement(".evidence-card");

        Assert.NotEmpty(page.FindComponents<MudComponentBase>()); // the search finds components by their base class
        var cards = page.FindComponents<EvidenceCard>();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.DoesNotContain(card.FindComponents<MudComponentBase>(),
            c => c.Instance is not MudAlert)); // a note's rendering notice is the one exception, and rare
        Assert.All(page.FindAll(".evidence-card"), card => Assert.NotEmpty(card.QuerySelectorAll("button.mud-button-root, a.mud-chip")));
    }

    [Fact]
    public async Task EvidenceLibraryPage_breadcrumbs_are_markup_and_cards_have_no_menu_component()
    {
        // Issue #15, fourth round: MudBreadcrumbs brought MudBlazor's localizer into every request; a card's actions are
        // plain buttons, never a menu per card.
        await SignInAsync(shared, SeededDatabase.SamLee);
        var page = Render<EvidenceLibraryPage>();
        page.WaitForElement(".evidence-card");

        Assert.Empty(page.FindComponents<MudBreadcrumbs>());
        Assert.Empty(page.FindComponents<MudMenu>());
        var trail = page.Find("nav[aria-label=Breadcrumb]");
        Assert.Equal("/", trail.QuerySelector("a[href='/']")!.GetAttribute("href"));
        Assert.Equal("My evidence", trail.QuerySelector("[aria-current=page]")!.TextContent);
    }
}
