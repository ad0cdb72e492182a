using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Vaarst.Growth.Web.Features.Evidence;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

public sealed class EvidenceLibraryPageTests(SeededDatabase shared) : ComponentTestContext, IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task EvidenceLibraryPage_cards_render_no_mudblazor_component()
    {
        // Issue #15 / ADR 0007: a card's icon, texts, chips and action buttons are plain markup with MudBlazor's classes
        // (Light); only page-level controls (the add buttons) are MudBlazor components.
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

    [Fact]
    public async Task EvidenceLibraryPage_show_archived_is_a_native_switch_that_brings_archived_notes_back()
    {
        // Issue #15: a MudSwitch made MudBlazor build its localizer on every request and connected a key interceptor in
        // every circuit; the page's one filter is now FilterSwitch, a native checkbox with role="switch".
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        string archivedTitle;
        await using (var db = database.CreateDbContext())
        {
            var note = await db.Evidence.Where(e => e.OwnerId == sam.PersonId && !e.IsArchived).OrderBy(e => e.Id).FirstAsync(Ct);
            note.IsArchived = true;
            note.ArchivedAtUtc = DateTime.UtcNow;
            archivedTitle = note.Title;
            await db.SaveChangesAsync(Ct);
        }

        var page = Render<EvidenceLibraryPage>();
        page.WaitForElement(".evidence-card");
        Assert.Empty(page.FindComponents<MudSwitch<bool>>());
        var toggle = page.Find("[data-testid=library-show-archived]");
        Assert.Equal("switch", toggle.GetAttribute("role"));
        Assert.Equal("false", toggle.GetAttribute("aria-checked"));
        Assert.DoesNotContain(page.FindAll(".evidence-card"), card => card.TextContent.Contains(archivedTitle, StringComparison.Ordinal));

        await toggle.ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        page.WaitForAssertion(() =>
        {
            Assert.Equal("true", page.Find("[data-testid=library-show-archived]").GetAttribute("aria-checked"));
            Assert.Contains(page.FindAll(".evidence-card"), card => card.TextContent.Contains(archivedTitle, StringComparison.Ordinal));
        });
    }
}
