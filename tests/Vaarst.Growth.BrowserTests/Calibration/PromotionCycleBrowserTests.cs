using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Calibration;

/// <summary>
/// A whole promotion cycle on the demo organisation: the administrator creates the cycle; Priya nominates Sam; the chair
/// starts the session, which freezes Sam's record; Sam adds evidence afterwards and the panel still reads the captured
/// record, with a notice; the chair decides "Not yet" with a plan and closes; the administrator releases the cycle; Priya's
/// team view shows Sam has not acknowledged; Sam reads the outcome and its plan and acknowledges it; the packet shows the hash.
/// </summary>
public sealed class PromotionCycleBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string SamLee = "sam.lee@vaarst.example";
    private const string CycleName = "2027 H1";
    private const string LateNote = "Benchmark notes written after the panel started";

    [Fact]
    public async Task Promotion_cycle_from_creation_to_an_acknowledged_outcome_on_a_frozen_record()
    {
        // The administrator creates the cycle (dates default to today, two and four weeks on).
        var admin = await SignedInAsync(Nia);
        await OpenAsync(admin, "/calibration/cycles");
        await admin.GetByTestId("new-cycle").ClickAsync();
        await admin.GetByTestId("cycle-name").FillAsync(CycleName);
        await admin.GetByTestId("cycle-create").ClickAsync();
        var card = admin.Locator("[data-testid^='cycle-card-']", new() { HasText = CycleName });
        await Expect(card.GetByTestId("cycle-card-phase")).ToHaveTextAsync("Self-assessment and nominations");
        var cycleId = int.Parse((await card.GetAttributeAsync("data-testid"))!["cycle-card-".Length..]);
        var sessionId = await CreateSessionAsync(cycleId);

        // Priya sees the phase and nominates Sam, who is below Level 4.
        var priya = await SignedInAsync(Priya);
        await OpenAsync(priya, "/calibration");
        await Expect(priya.GetByTestId("cycle-deadline")).ToContainTextAsync("Nominations close in 14 days");
        await priya.Locator($"[data-testid='session-card-{sessionId}']").GetByTestId("nominate").ClickAsync();
        var dialog = priya.Locator(".mud-dialog");
        await ChooseAsync(priya, dialog.Locator(".mud-select").First, "Sam Lee");
        await dialog.GetByTestId("nominate-statement").FillAsync("Owns the edge inference pipeline and its benchmarks.");
        await dialog.GetByTestId("nominate-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The chair starts the session: Sam's record is frozen. Sam adds evidence afterwards.
        var chair = await SignedInAsync(Morgan);
        await OpenAsync(chair, $"/calibration/{sessionId}");
        await chair.GetByTestId("start-session").ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("In session");
        var candidate = chair.Locator("[data-testid^='candidate-card-']").First;
        var nominationId = int.Parse((await candidate.GetAttributeAsync("data-testid"))!["candidate-card-".Length..]);
        await AddEvidenceAsSamAsync();

        // The panel reads the captured record, and only a notice of the change.
        await OpenAsync(chair, $"/calibration/candidates/{nominationId}");
        await Expect(chair.GetByTestId("record-changed")).ToContainTextAsync("changed since this record was captured");
        await Expect(chair.GetByText(LateNote)).ToHaveCountAsync(0);
        var shortHash = Regex.Match(await chair.GetByTestId("record-frozen").InnerTextAsync(), "SHA-256 ([0-9a-f]{12})").Groups[1].Value;
        Assert.NotEmpty(shortHash);
        await AppFixture.ScreenshotAsync(chair, "cycle-candidate-frozen");

        // "Not yet", with a plan; then the session closes, embargoed until the release.
        await OpenAsync(chair, $"/calibration/{sessionId}");
        var form = candidate.GetByTestId("decision-form");
        await form.GetByText("Not yet", new() { Exact = true }).ClickAsync();
        await ChooseAsync(chair, form.GetByTestId("decision-plan-form").Locator(".mud-select").First, "Edge Computing", closes: false);
        await chair.Keyboard.PressAsync("Escape");
        // The pick has reached the server and come back (the select shows it) before the rest of the form is filled.
        await Expect(form.GetByTestId("decision-plan-form").Locator("input").First).ToHaveValueAsync("Edge Computing");
        await form.GetByTestId("decision-rationale").FillAsync("Strong edge work; the benchmarks need reviewed evidence.");
        await Expect(form.GetByTestId("decision-rationale")).ToHaveValueAsync("Strong edge work; the benchmarks need reviewed evidence.");
        await form.GetByTestId("decision-save").ClickAsync();
        await Expect(candidate.GetByTestId("decision-plan")).ToContainTextAsync("Edge Computing");
        await chair.GetByTestId("close-session").ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("Closed");

        // The administrator moves the cycle on early and releases it.
        await OpenAsync(admin, "/calibration/cycles");
        await AdvanceAsync(admin, card, "Move now", "Calibration");
        await AdvanceAsync(admin, card, "Release", "Outcomes released");
        await AppFixture.ScreenshotAsync(admin, "cycle-admin-released");

        // Priya's team view shows who has not acknowledged; Sam reads the outcome with its plan and acknowledges it.
        await OpenAsync(priya, "/team");
        await Expect(priya.GetByTestId("cycle-receipts-waiting")).ToContainTextAsync("Sam Lee");
        var sam = await SignedInAsync(SamLee);
        await OpenAsync(sam, "/calibration/outcomes");
        var outcome = sam.GetByTestId("outcome");
        await Expect(outcome.GetByTestId("outcome-chip")).ToHaveTextAsync("Not yet");
        await Expect(outcome.GetByTestId("outcome-plan")).ToContainTextAsync("Edge Computing");
        await outcome.GetByTestId("outcome-acknowledge").ClickAsync();
        await Expect(outcome.GetByTestId("outcome-acknowledged")).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(sam, "cycle-outcome-acknowledged");

        // The printed packet is the captured record, with its hash.
        await chair.GotoAsync($"/calibration/candidates/{nominationId}/packet");
        await Expect(chair.GetByTestId("packet-record-hash")).ToHaveTextAsync(new Regex($"^{shortHash}[0-9a-f]{{52}}$"));
        await Expect(chair.GetByText(LateNote)).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(chair, "cycle-packet");
    }

    private async Task<int> CreateSessionAsync(int cycleId)
    {
        var nia = await ActorAsync(Nia);
        return await app.Services.GetRequiredService<CreateSession>().HandleAsync(nia,
            new("Level 4 promotions, 2027 H1", 4, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21), [await IdOfAsync(Dana)], await IdOfAsync(Morgan), CycleId: cycleId));
    }

    /// <summary>Sam backs a statement he had not started with a new note, after the record was captured.</summary>
    private async Task AddEvidenceAsSamAsync()
    {
        var sam = await ActorAsync(SamLee);
        var gap = await app.Services.GetRequiredService<GetGap>().HandleAsync(sam, new GetGapRequest());
        var statement = gap.Areas.SelectMany(a => a.Statements).First(s => s.State == GapState.NotStarted);
        await app.Services.GetRequiredService<AddNoteEvidence>().HandleAsync(sam,
            new AddNoteEvidenceRequest(new EvidenceDetails(LateNote, DateOnly.FromDateTime(DateTime.UtcNow), null), "Throughput doubled on the Jetson.", [statement.StatementId]));
    }

    private static async Task AdvanceAsync(IPage page, ILocator card, string confirm, string phase)
    {
        await card.GetByTestId("cycle-advance").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();
        await Expect(card.GetByTestId("cycle-card-phase")).ToHaveTextAsync(phase);
    }

    private async Task<int> IdOfAsync(string email) =>
        (await app.Services.GetRequiredService<SignInDirectory>().ListAsync(TestContext.Current.CancellationToken)).Single(p => p.Email == email).Id;

    private async Task<Actor> ActorAsync(string email) =>
        (await app.Services.GetRequiredService<SignInDirectory>().FindAsync(await IdOfAsync(email)))!;

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
    }

    /// <summary>Opens a MudSelect and picks the option whose text starts with <paramref name="option"/>.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option, bool closes = true)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        if (closes)
        {
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }
    }
}
