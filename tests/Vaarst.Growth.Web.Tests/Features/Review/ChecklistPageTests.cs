using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Review;

namespace Vaarst.Growth.Web.Tests.Features.Review;

/// <summary>Sam Lee (Edge ML Engineer, target Level 4) on the demo organisation; the shared database is only read.</summary>
public sealed class ChecklistPageTests(SeededDatabase shared) : ComponentTestContext, IClassFixture<SeededDatabase>
{
    private const string StatementRows = "[data-testid^='statement-']";

    [Fact]
    public async Task ChecklistPage_shows_the_all_section_and_only_the_engineers_specialism()
    {
        await SignInAsync(shared, SeededDatabase.SamLee);
        await using var db = shared.CreateDbContext();
        var level4 = await db.Sections.AsNoTracking()
            .Where(s => s.Level!.Number == 4 && s.RetiredInVersionId == null)
            .Select(s => new { s.Name, s.AppliesToAll, Anchors = s.Areas.Where(a => a.RetiredInVersionId == null).Select(a => a.Anchor).ToList() })
            .ToListAsync(Ct);
        var expected = level4.Where(s => s.AppliesToAll || s.Name == "Edge ML Engineer").SelectMany(s => s.Anchors).Select(a => $"area-{a}").Order().ToList();
        var mlOnly = level4.Single(s => s.Name == "ML Engineer").Anchors.Except(level4.Where(s => s.Name != "ML Engineer").SelectMany(s => s.Anchors)).ToList();

        var page = Render<ChecklistPage>();

        page.WaitForElement("[data-testid='area-edge-computing']");
        var shown = page.FindAll("[data-testid^='area-']").Select(e => e.GetAttribute("data-testid")!).Order().ToList();
        Assert.Equal(expected, shown);
        Assert.NotEmpty(mlOnly);
        Assert.DoesNotContain(shown, testId => mlOnly.Contains(testId["area-".Length..]));
        Assert.Equal(["All", "Edge ML Engineer"], page.FindAll("h2").Select(h => h.FirstChild!.TextContent.Trim()));
    }

    [Fact]
    public async Task ChecklistPage_status_filter_hides_rows_with_another_status()
    {
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var changesRequested = await StatementsOfAsync(sam, i => i.Status == ItemStatus.ChangesRequested);
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);
        var all = page.FindAll(StatementRows).Count;

        // The filters are native selects: no MudSelect (popover, key interceptor) in the circuit at rest (issue #15).
        Assert.Empty(page.FindComponents<MudSelect<ChecklistStatus?>>());
        Assert.Empty(page.FindComponents<MudSelect<int?>>());
        await page.Find("select#checklist-filter-status").ChangeAsync(new ChangeEventArgs { Value = nameof(ChecklistStatus.ChangesRequested) });

        Assert.True(all > 1);
        Assert.Equal(changesRequested.Select(id => $"statement-{id}"), page.FindAll(StatementRows).Select(r => r.GetAttribute("data-testid")));
    }

    [Fact]
    public async Task ChecklistPage_without_evidence_filter_hides_every_row_with_evidence()
    {
        var sam = await SignInAsync(shared, SeededDatabase.SamLee);
        var withEvidence = await StatementsWithEvidenceAsync(sam);
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);
        var before = page.FindAll(StatementRows).Select(r => r.GetAttribute("data-testid")).ToList();

        var withoutEvidence = page.Find("input[role=switch][data-testid=filter-without-evidence]");
        Assert.Equal("Only statements without evidence", withoutEvidence.Closest("label")!.TextContent.Trim());
        await withoutEvidence.ChangeAsync(new ChangeEventArgs { Value = true });

        var after = page.FindAll(StatementRows).Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.NotEmpty(withEvidence);
        Assert.All(withEvidence, id => Assert.Contains($"statement-{id}", before));
        Assert.Equal(before.Where(t => withEvidence.All(id => t != $"statement-{id}")), after);
    }

    [Fact]
    public async Task ChecklistPage_rating_change_is_saved()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var page = Render<ChecklistPage>();
        var (statementId, rating) = FirstUnratedRow(page);

        await rating.Find("select").ChangeAsync(new ChangeEventArgs { Value = nameof(SelfRating.Practising) });

        await using var db = database.CreateDbContext();
        var item = await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.PersonId == sam.PersonId && i.StatementId == statementId, Ct);
        Assert.Equal(SelfRating.Practising, item.Rating);
        Assert.Equal(ItemStatus.Draft, item.Status);
        page.WaitForAssertion(() => Assert.Equal(SelfRating.Practising, RatingOf(page, statementId).Instance.Value));
    }

    [Fact]
    public async Task ChecklistPage_not_applicable_asks_for_a_reason_and_cancel_saves_nothing()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var dialogs = RenderProviders();
        var page = Render<ChecklistPage>();
        var (statementId, rating) = FirstUnratedRow(page);
        var items = await ItemCountAsync(database, sam);

        var choosing = rating.Find("select").ChangeAsync(new ChangeEventArgs { Value = nameof(SelfRating.NotApplicable) });
        var dialog = dialogs.WaitForComponent<NotApplicableDialog>();
        Assert.True(dialog.FindComponents<MudButton>().Single(b => b.Markup.Contains("Mark not applicable")).Instance.Disabled, "No reason, no saving.");
        dialogs.FindComponents<MudButton>().Single(b => b.Markup.Contains("Cancel")).Find("button").Click();
        await choosing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Empty(dialogs.FindComponents<NotApplicableDialog>());
        Assert.Equal(items, await ItemCountAsync(database, sam));
        Assert.Equal(SelfRating.NotStarted, RatingOf(page, statementId).Instance.Value);
    }

    [Fact]
    public async Task ChecklistPage_not_applicable_with_a_reason_is_saved_with_the_reason()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var dialogs = RenderProviders();
        var page = Render<ChecklistPage>();
        var (statementId, rating) = FirstUnratedRow(page);

        var choosing = rating.Find("select").ChangeAsync(new ChangeEventArgs { Value = nameof(SelfRating.NotApplicable) });
        var dialog = dialogs.WaitForComponent<NotApplicableDialog>();
        dialog.Find("textarea").Input("  My team has no edge devices  ");
        dialogs.FindComponents<MudButton>().Single(b => b.Markup.Contains("Mark not applicable")).Find("button").Click();
        await choosing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await using var db = database.CreateDbContext();
        var item = await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.PersonId == sam.PersonId && i.StatementId == statementId, Ct);
        Assert.Equal(SelfRating.NotApplicable, item.Rating);
        Assert.Equal("My team has no edge devices", item.NotApplicableReason);
    }

    [Fact]
    public async Task ChecklistPage_rows_render_a_native_rating_select_and_no_mud_select_or_popover()
    {
        await SignInAsync(shared, SeededDatabase.SamLee);
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);

        var rows = page.FindAll(StatementRows);
        Assert.True(rows.Count > 1);
        Assert.Empty(page.FindComponents<MudSelect<SelfRating>>());
        Assert.All(rows, row =>
        {
            Assert.Empty(row.QuerySelectorAll(".mud-select, .mud-popover, [class*='mud-popover']"));
            var select = Assert.Single(row.QuerySelectorAll("select"));
            var label = Assert.Single(row.QuerySelectorAll($"label[for='{select.Id}']"));
            Assert.Equal("My rating", label.TextContent);
            Assert.Equal(Enum.GetValues<SelfRating>().Select(RatingLabels.Of), select.QuerySelectorAll("option").Select(o => o.TextContent));
        });
    }

    [Fact]
    public async Task ChecklistPage_at_rest_has_no_mud_input_or_popover_and_makes_no_js_interop_call()
    {
        // Issue #15, fourth round: the level select and the "only without evidence" switch are native controls
        // (FilterSelect, FilterSwitch) like the other filters and the rows' ratings; a MudSelect or MudSwitch kept a
        // popover, a key interceptor and their JS interop in every circuit showing the page.
        await SignInAsync(shared, SeededDatabase.SamLee);
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);

        Assert.Equal("false", page.Find("input[role=switch]").GetAttribute("aria-checked"));
        Assert.Empty(page.FindComponents<MudBaseInput<int>>());
        Assert.Empty(page.FindComponents<MudBaseInput<bool>>());
        Assert.DoesNotContain(page.FindComponents<MudComponentBase>(), c => c.Instance.GetType().Name.StartsWith("MudSelect")
            || c.Instance.GetType().Name.StartsWith("MudSwitch") || c.Instance.GetType().Name.StartsWith("MudPopover"));
        Assert.Empty(page.FindAll(".mud-popover, .mud-popover-cascading-value, .mud-select"));
        Assert.True(JSInterop.Invocations.Count == 0, string.Join(", ", JSInterop.Invocations.Select(i => i.Identifier)));

        // MudBreadcrumbs made MudBlazor build its localizer on every request: the trail is markup (Light.Breadcrumbs).
        Assert.Empty(page.FindComponents<MudBreadcrumbs>());
        var trail = page.Find("nav[aria-label=Breadcrumb]");
        Assert.NotNull(trail.QuerySelector("a[href='/']"));
        Assert.Equal("My checklist", trail.QuerySelector("[aria-current=page]")!.TextContent);
    }

    [Fact]
    public void FilterSwitch_takes_MudSwitchs_keys_and_draws_its_checked_state()
    {
        var value = false;
        var rendered = Render<Vaarst.Growth.Web.Components.Shared.FilterSwitch>(p => p
            .Add(s => s.Label, "Only statements without evidence")
            .Add(s => s.Value, value)
            .Add(s => s.ValueChanged, v => value = v));

        rendered.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.True(value);
        rendered.Render(p => p.Add(s => s.Value, true));
        Assert.Equal("true", rendered.Find("input").GetAttribute("aria-checked"));
        Assert.Contains("mud-checked", rendered.Find(".mud-switch-base").ClassList);
        Assert.Contains("mud-primary", rendered.Find(".mud-switch-track").ClassList);
        rendered.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.False(value);
        rendered.Find("input").Change(true);
        Assert.True(value);
    }

    [Theory]
    [InlineData(ChecklistStatus.Draft, 1)]
    [InlineData(ChecklistStatus.Submitted, 1)]
    [InlineData(ChecklistStatus.ChangesRequested, 0)]
    public void ChecklistStatementRow_makes_no_js_interop_call_at_rest(ChecklistStatus status, int evidence)
    {
        var row = new ChecklistRow(7, "I can implement algorithms", 42, 3, SelfRating.Practising, null, status, evidence,
            "Add a benchmark", "Mia Manager", new DateTime(2026, 11, 20), null, [Core.Evidence.EvidencePromptKind.NoMeasure]);

        var rendered = Render<ChecklistStatementRow>(p => p
            .Add(r => r.Row, row)
            .Add(r => r.CanSubmit, ChecklistFilter.CanSubmit(row))
            .Add(r => r.Selected, true));

        Assert.True(JSInterop.Invocations.Count == 0, string.Join(", ", JSInterop.Invocations.Select(i => i.Identifier)));
        Assert.Empty(rendered.FindComponents<MudSelect<SelfRating>>());
        Assert.Contains(Core.Evidence.EvidencePromptWording.NoMeasure, rendered.Find("[data-testid=evidence-prompts]").TextContent);
        Assert.Equal(nameof(SelfRating.Practising), rendered.Find("select").GetAttribute("value") ?? rendered.Find("option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task ChecklistPage_rows_and_area_cards_render_no_mudblazor_component()
    {
        // Issue #15 / ADR 0007: a row's and an area card's chips, texts, buttons, notices and progress bar are plain
        // markup with MudBlazor's classes (Light); only page-level controls (filters, submission bar) are MudBlazor components.
        await SignInAsync(shared, SeededDatabase.SamLee);
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);

        Assert.NotEmpty(page.FindComponents<MudComponentBase>()); // the filters: the search finds components by their base class
        var cards = page.FindComponents<ChecklistAreaCard>();
        Assert.NotEmpty(cards);
        // No exception: a row's re-confirmation notice is markup too (Light.Alert; see the test after the next).
        Assert.All(cards, card => Assert.Empty(card.FindComponents<MudComponentBase>()));
        Assert.All(page.FindAll(StatementRows), row => Assert.NotNull(row.QuerySelector("[data-testid='status-chip'].mud-chip")));

        // Issue #15, fifth round: the page's headings, texts, spacers and summary (MudText, MudSpacer, MudPaper,
        // MudProgressLinear) are markup too; the submission button (and its start icon) is the one MudBlazor component left at rest.
        Assert.Equal(["MudButton", "MudIcon"], page.FindComponents<MudComponentBase>().Select(c => c.Instance.GetType().Name));
        Assert.Equal("My checklist", page.Find("h1.mud-typography-h4").TextContent);
        var progress = page.Find("[role=progressbar][aria-label='Signed-off share']");
        Assert.Contains("mud-progress-linear-medium", progress.ClassList);
        Assert.Equal("mud-typography mud-typography-subtitle1", page.Find("[data-testid=signed-off-count]").ParentElement!.ClassName);
    }

    [Fact]
    public void ChecklistStatementRow_has_two_component_instances_at_most_the_row_and_its_rating()
    {
        // Issue #15, third round: a row's evidence prompts are markup (EvidencePromptList.Render), not a component per
        // row; what is left per row is the row itself and its native rating select (which keeps a choice in flight).
        var row = new ChecklistRow(7, "I can implement algorithms", 42, 3, SelfRating.Practising, null, ChecklistStatus.Draft, 0,
            null, null, null, null, [Core.Evidence.EvidencePromptKind.NoMeasure, Core.Evidence.EvidencePromptKind.NoResult]);

        var rendered = Render<ChecklistStatementRow>(p => p.Add(r => r.Row, row).Add(r => r.CanSubmit, true));

        Assert.Empty(rendered.FindComponents<Vaarst.Growth.Web.Features.Evidence.EvidencePromptList>());
        Assert.Empty(rendered.FindComponents<MudComponentBase>());
        Assert.Single(rendered.FindComponents<RatingSelect>());
        var prompts = rendered.Find("[data-testid=evidence-prompts]");
        Assert.Equal("evidence-prompts mt-1", prompts.GetAttribute("class"));
        Assert.Equal(3, prompts.QuerySelectorAll("span").Length); // the heading and one line per prompt
    }

    [Fact]
    public void ChecklistStatementRow_draws_its_reconfirmation_notice_as_MudAlerts_markup_without_a_component()
    {
        // Issue #15: the re-confirmation notice was the last MudBlazor component a row could render (a MudAlert, which
        // also brings MudBlazor's localizer into the request); it is MudAlert's markup now (Light.Alert).
        const string Reason = "The statement's text changed in the framework: confirm your evidence still shows it.";
        var row = new ChecklistRow(7, "I can implement algorithms", 42, 3, SelfRating.Confident, null, ChecklistStatus.NeedsReconfirmation, 1,
            null, null, null, Reason);

        var rendered = Render<ChecklistStatementRow>(p => p.Add(r => r.Row, row));
        var mudAlert = Render<MudAlert>(p => p
            .Add(a => a.Severity, Severity.Warning)
            .Add(a => a.Dense, true)
            .Add(a => a.Class, "mt-2")
            .AddUnmatched("data-testid", "reconfirmation-reason")
            .AddChildContent(Reason));

        Assert.Empty(rendered.FindComponents<MudComponentBase>());
        rendered.Find("[data-testid=reconfirmation-reason]").MarkupMatches(mudAlert.Markup);
    }

    [Fact]
    public async Task ChecklistPage_choosing_another_rating_for_a_rated_statement_saves_it_and_the_next_page_load_shows_it()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        await using var db = database.CreateDbContext();
        var rated = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.PersonId == sam.PersonId && (i.Status == ItemStatus.Draft || i.Status == ItemStatus.ChangesRequested)
                && i.Rating != SelfRating.NotStarted && i.Rating != SelfRating.NotApplicable)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.StatementId, i.Rating, i.Version, i.Status })
            .FirstAsync(Ct);
        var chosen = rated.Rating == SelfRating.Confident ? SelfRating.Learning : SelfRating.Confident;
        var page = Render<ChecklistPage>();
        page.WaitForElement(StatementRows);
        var rating = RatingOf(page, rated.StatementId);
        Assert.Equal(rated.Rating, rating.Instance.Value);

        await rating.Find("select").ChangeAsync(new ChangeEventArgs { Value = chosen.ToString() });

        var item = await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == rated.Id, Ct);
        Assert.Equal(chosen, item.Rating);
        Assert.Equal(rated.Version + 1, item.Version);
        Assert.Equal(rated.Status, item.Status);
        page.WaitForAssertion(() => Assert.Equal(chosen, RatingOf(page, rated.StatementId).Instance.Value));

        // The next page load reads the stored rating (nothing handed over from a prerender here).
        var next = Render<ChecklistPage>();
        next.WaitForElement(StatementRows);
        Assert.Equal(chosen, RatingOf(next, rated.StatementId).Instance.Value);
        Assert.Equal(chosen.ToString(), next.Find($"[data-testid='statement-{rated.StatementId}'] select").GetAttribute("value"));
    }

    private static (int StatementId, IRenderedComponent<RatingSelect> Rating) FirstUnratedRow(IRenderedComponent<ChecklistPage> page)
    {
        page.WaitForElement(StatementRows);
        var statementId = page.FindComponents<RatingSelect>()
            .Select((select, index) => (Select: select, Row: page.FindAll(StatementRows)[index]))
            .First(x => x.Row.QuerySelector("[data-testid='select-item']") is null && x.Select.Instance.Value == SelfRating.NotStarted
                        && x.Row.QuerySelector("a[href^='/checklist/items/']") is null)
            .Row.GetAttribute("data-testid")!["statement-".Length..];
        return (int.Parse(statementId), RatingOf(page, int.Parse(statementId)));
    }

    /// <summary>The rating select of a statement's row (rows and rating selects render in the same order).</summary>
    private static IRenderedComponent<RatingSelect> RatingOf(IRenderedComponent<ChecklistPage> page, int statementId)
    {
        var index = page.FindAll(StatementRows).Select(r => r.GetAttribute("data-testid")).ToList().IndexOf($"statement-{statementId}");
        return page.FindComponents<RatingSelect>()[index];
    }

    private async Task<List<int>> StatementsOfAsync(Actor engineer, System.Linq.Expressions.Expression<Func<ChecklistItem, bool>> where)
    {
        await using var db = shared.CreateDbContext();
        return await db.ChecklistItems.AsNoTracking().Where(i => i.PersonId == engineer.PersonId).Where(where).Select(i => i.StatementId).ToListAsync(Ct);
    }

    private async Task<List<int>> StatementsWithEvidenceAsync(Actor engineer)
    {
        await using var db = shared.CreateDbContext();
        var supporting = SupportingEvidence.Current(db);
        return await db.ChecklistItems.AsNoTracking().Where(i => i.PersonId == engineer.PersonId && supporting.Any(s => s.ChecklistItemId == i.Id))
            .Select(i => i.StatementId).ToListAsync(Ct);
    }

    private static async Task<int> ItemCountAsync(SeededDatabase database, Actor engineer)
    {
        await using var db = database.CreateDbContext();
        return await db.ChecklistItems.CountAsync(i => i.PersonId == engineer.PersonId, Ct);
    }
}
