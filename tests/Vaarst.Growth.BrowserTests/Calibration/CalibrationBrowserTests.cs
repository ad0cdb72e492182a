using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Calibration;

/// <summary>
/// A whole calibration in Chromium on the demo organisation: the administrator sets up a blind session, two line
/// managers nominate three reports, the panel reads them blind and records pre-reads, the chair decides and closes,
/// and a nominated engineer reads the outcome.
/// </summary>
public sealed partial class CalibrationBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Tomasz = "tomasz.okafor@vaarst.example";
    private const string SamLee = "sam.lee@vaarst.example";
    private const string JordanKim = "jordan.kim@vaarst.example";
    private const string CaseyNovak = "casey.novak@vaarst.example";
    private const int Phone = 390;

    /// <summary>Nobody on a blind panel page may read these: the candidates' and their managers' names and e-mails.</summary>
    private static readonly string[] HiddenIdentities =
    [
        "Alex Morgan", "Sam Lee", "Casey Novak", "Priya Raman", "Tomasz Okafor",
        "alex.morgan@", "sam.lee@", "casey.novak@", "priya.raman@", "tomasz.okafor@",
    ];

    [Fact]
    public async Task Calibration_blind_session_with_three_candidates_from_nomination_to_outcome()
    {
        const string sessionName = "Level 4 promotions, winter";

        // The administrator creates a blind session with Morgan (chair) and Dana.
        var admin = await SignedInAsync(Nia);
        await OpenAsync(admin, "/calibration");
        await admin.GetByTestId("new-session").ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("session-create")).ToBeVisibleAsync();
        await dialog.GetByTestId("session-name").FillAsync(sessionName);
        await dialog.GetByTestId($"panel-{Morgan}").CheckAsync();
        await dialog.GetByTestId($"panel-{Dana}").CheckAsync();
        await ChooseAsync(admin, dialog.Locator(".mud-select"), "Morgan Ellis");
        await Expect(dialog.GetByRole(AriaRole.Switch)).ToBeCheckedAsync();
        await AppFixture.ScreenshotAsync(admin, "calibration-new-session-dialog", fullPage: false);
        await dialog.GetByTestId("session-create").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var adminCard = admin.Locator("[data-testid^='session-card-']", new() { HasText = sessionName });
        await Expect(adminCard.GetByTestId("session-state")).ToHaveTextAsync("Open for nomination");
        var sessionId = int.Parse((await adminCard.GetAttributeAsync("data-testid"))!["session-card-".Length..]);
        await AppFixture.ScreenshotAsync(admin, "calibration-sessions-admin");

        // Priya nominates two of her reports, Tomasz one of his.
        await NominateAsync(Priya, sessionName, ["Alex Morgan", "Sam Lee"]);
        await NominateAsync(Tomasz, sessionName, ["Casey Novak"]);

        // The chair starts the session; nominations close.
        var chair = await SignedInAsync(Morgan);
        await OpenAsync(chair, $"/calibration/{sessionId}");
        await Expect(chair.GetByTestId("blind-warning")).ToContainTextAsync("may still identify someone");
        await chair.GetByTestId("start-session").ClickAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("In session");
        var cards = chair.Locator("[data-testid^='candidate-card-']");
        await Expect(cards).ToHaveCountAsync(3);
        await Expect(cards.GetByTestId("card-label")).ToHaveTextAsync(["Candidate A", "Candidate B", "Candidate C"]);
        await Expect(chair.GetByTestId("reveal-log")).ToContainTextAsync("Nobody on the panel has revealed a candidate.");
        await AssertBlindAsync(chair);

        // Blind everywhere the panel looks: comparison, each drill-down and each promotion packet.
        await OpenAsync(chair, $"/calibration/{sessionId}/compare");
        var columns = chair.GetByTestId("column-link");
        await Expect(columns).ToHaveTextAsync(["Candidate A", "Candidate B", "Candidate C"]);
        await Expect(chair.GetByTestId("cell-na").First).ToHaveTextAsync(new Regex("—"));
        await AssertBlindAsync(chair);
        await AppFixture.ScreenshotAsync(chair, "calibration-comparison");
        // The headings look like the links they are, and the area column leaves the width to the candidates.
        Assert.Contains("underline", await columns.First.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"));
        var areaShare = await chair.GetByTestId("comparison").EvaluateAsync<double>(
            "t => t.querySelector('.comparison-corner').getBoundingClientRect().width / t.getBoundingClientRect().width");
        Assert.InRange(areaShare, 0.05, 0.25);
        var csv = await chair.APIRequest.GetAsync($"/calibration/{sessionId}/comparison.csv");
        Assert.Equal(200, csv.Status);
        var csvText = await csv.TextAsync();
        Assert.Contains("Candidate A", csvText);
        Assert.DoesNotContain(HiddenIdentities, csvText.Contains);

        var drillDowns = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            drillDowns.Add((await columns.Nth(i).GetAttributeAsync("href"))!);
        }

        // In-circuit navigation: the URL changes at once, the page follows when the server has read the dossier
        // (slow on a busy machine, hence the longer wait).
        await columns.First.ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex(@"/calibration/candidates/\d+$"));
        await Expect(chair.GetByTestId("dossier-label")).ToHaveTextAsync("Candidate A", new() { Timeout = 20_000 });
        await AppFixture.ScreenshotAsync(chair, "calibration-candidate");
        foreach (var drillDown in drillDowns)
        {
            await OpenAsync(chair, drillDown);
            await Expect(chair.GetByTestId("dossier-summary")).ToBeVisibleAsync();
            await AssertBlindAsync(chair);
            await chair.GotoAsync($"{drillDown}/packet");
            await Expect(chair.GetByTestId("packet-summary")).ToBeVisibleAsync();
            await AssertBlindAsync(chair);
        }

        await AppFixture.ScreenshotAsync(chair, "calibration-packet");

        // Morgan's pre-reads: others' stay hidden until Morgan has submitted.
        await OpenAsync(chair, $"/calibration/{sessionId}");
        await Expect(cards.First.GetByTestId("prereads-hidden")).ToContainTextAsync("0 pre-reads submitted");
        await SubmitPreReadAsync(cards.Nth(0), "Promote", "Strong, well-evidenced ML Ops work.");
        await SubmitPreReadAsync(cards.Nth(1), "Not yet", "Edge work is promising; several items still in review.");
        await SubmitPreReadAsync(cards.Nth(2), "Defer", "Too little signed off to judge yet.");
        await Expect(cards.First.GetByTestId("other-prereads")).ToContainTextAsync("No other member has submitted a pre-read yet.");

        // Dana sees that a pre-read exists, but not what it says, until she has submitted her own.
        var member = await SignedInAsync(Dana);
        await OpenAsync(member, $"/calibration/{sessionId}");
        var memberCards = member.Locator("[data-testid^='candidate-card-']");
        await Expect(memberCards.First.GetByTestId("prereads-hidden")).ToContainTextAsync("1 pre-read submitted");
        await Expect(memberCards.First.GetByTestId("other-prereads")).Not.ToContainTextAsync("Morgan Ellis");
        await Expect(member.GetByTestId("start-session")).ToHaveCountAsync(0);
        await Expect(member.GetByTestId("reveal-log")).ToHaveCountAsync(0);
        await Expect(member.GetByTestId("decision-form")).ToHaveCountAsync(0);
        await AssertBlindAsync(member);
        await AppFixture.ScreenshotAsync(member, "calibration-session-member-before-prereads");
        for (var i = 0; i < 3; i++)
        {
            await SubmitPreReadAsync(memberCards.Nth(i), i == 2 ? "Defer" : "Promote", null);
        }

        await Expect(memberCards.First.GetByTestId("other-prereads")).ToContainTextAsync("Morgan Ellis");
        await Expect(memberCards.First.GetByTestId("other-prereads")).ToContainTextAsync("Strong, well-evidenced ML Ops work.");

        // The chair records decisions: a rationale is required.
        await OpenAsync(chair, $"/calibration/{sessionId}");
        await Expect(cards.First.GetByTestId("other-prereads")).ToContainTextAsync("Dana Whitfield");
        var first = cards.First.GetByTestId("decision-form");
        await first.GetByText("Promote", new() { Exact = true }).ClickAsync();
        await first.GetByTestId("decision-save").ClickAsync();
        await Expect(cards.First.GetByTestId("decision-error")).ToHaveTextAsync("A rationale is required.");
        await Expect(chair.GetByTestId("close-session")).ToHaveCountAsync(0);
        await DecideAsync(cards.Nth(0), "Promote", "Signed-off coverage across ML Ops and ML; evidence is recent and reviewed.");
        await DecideAsync(cards.Nth(1), "Not yet", "Strong edge work, but most items still wait for review; revisit next cycle.");
        await DecideAsync(cards.Nth(2), "Defer", "Too few items submitted to judge; the panel asks for a fuller checklist.");
        await AppFixture.ScreenshotAsync(chair, "calibration-session-decided");
        await chair.GetByTestId("close-session").ClickAsync();
        await Expect(chair.GetByTestId("closed-notice")).ToBeVisibleAsync();
        await Expect(chair.GetByTestId("session-state")).ToHaveTextAsync("Closed");
        await Expect(chair.GetByTestId("decision-form")).ToHaveCountAsync(0);
        await Expect(chair.GetByTestId("preread-form")).ToHaveCountAsync(0);
        await AssertBlindAsync(chair);
        await AppFixture.ScreenshotAsync(chair, "calibration-session-closed");

        // The nominated engineer reads the outcome; which candidate Sam was is only known from the nomination order.
        var engineer = await SignedInAsync(SamLee);
        await OpenAsync(engineer, "/calibration/outcomes");
        var outcome = engineer.GetByTestId("outcome");
        await Expect(outcome).ToHaveCountAsync(1);
        await Expect(outcome.GetByTestId("outcome-chip")).ToHaveTextAsync("Not yet");
        await Expect(outcome.GetByTestId("outcome-rationale")).ToHaveTextAsync("Strong edge work, but most items still wait for review; revisit next cycle.");
        await Expect(outcome).ToContainTextAsync(sessionName);
        await AppFixture.ScreenshotAsync(engineer, "calibration-outcomes-engineer");

        // On a phone, the session and the comparison fit the screen; the grid scrolls inside its own box.
        var phone = await SignedInAsync(Morgan, Phone);
        foreach (var (path, name) in new[]
        {
            ("/calibration", "calibration-sessions"), ($"/calibration/{sessionId}", "calibration-session"),
            ($"/calibration/{sessionId}/compare", "calibration-comparison"), (drillDowns[1], "calibration-candidate"),
        })
        {
            await OpenAsync(phone, path);
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AppFixture.ScreenshotAsync(phone, name);
            await PageChecks.AssertNoHorizontalScrollAsync(phone);
        }

        // The administrator reads reviewer consistency.
        await OpenAsync(admin, "/calibration/analytics");
        await Expect(admin.GetByTestId("outlier-rules")).ToContainTextAsync("1.5 × IQR");
        await Expect(admin.GetByTestId("manager-row").First).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(admin, "calibration-analytics");
    }

    [Fact]
    public async Task Calibration_recused_chair_and_a_member_who_reveals_one_candidate_and_decides_for_the_chair()
    {
        // Tomasz manages Casey and also sits on panels: he chairs this one with Dana, and nominates Casey himself.
        var (sessionId, caseyId) = await ArrangeRecusedChairSessionAsync();

        var chair = await SignedInAsync(Tomasz);
        await OpenAsync(chair, $"/calibration/{sessionId}");
        var chairCards = chair.Locator("[data-testid^='candidate-card-']");
        await Expect(chairCards.GetByTestId("card-label")).ToHaveTextAsync(["Candidate A", "Candidate B"]);
        var recusedCard = chairCards.Nth(1);
        await Expect(recusedCard.GetByTestId("recused-chip")).ToHaveTextAsync("Recused");
        await Expect(recusedCard.GetByTestId("recusal")).ToContainTextAsync("You are recused from this candidate: you nominated them.");
        await Expect(recusedCard.GetByTestId("preread-form")).ToHaveCountAsync(0);
        await Expect(recusedCard.GetByTestId("decision-form")).ToHaveCountAsync(0);
        await Expect(chairCards.Nth(0).GetByTestId("decision-form")).ToBeVisibleAsync();
        await Expect(chairCards.Nth(0).GetByTestId("recused-chip")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(chair, "calibration-session-recused-chair");

        // Dana decides on Candidate B for the recused chair, and reveals only Candidate A, with a reason.
        var member = await SignedInAsync(Dana);
        await OpenAsync(member, $"/calibration/{sessionId}");
        var cards = member.Locator("[data-testid^='candidate-card-']");
        await Expect(cards.Nth(1).GetByTestId("chair-recused")).ToContainTextAsync("The chair is recused from this candidate");
        await Expect(cards.Nth(0).GetByTestId("decision-form")).ToHaveCountAsync(0);
        await DecideAsync(cards.Nth(1), "Not yet", "Capture pipeline is strong; the panel wants signed-off ML Ops evidence first.");

        await cards.Nth(0).GetByTestId("reveal").ClickAsync();
        var dialog = member.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("reveal-confirm")).ToBeDisabledAsync();
        await dialog.GetByTestId("reveal-reason").FillAsync("I mentored this candidate last year and want to declare it.");
        await AppFixture.ScreenshotAsync(member, "calibration-reveal-dialog", fullPage: false);
        await dialog.GetByTestId("reveal-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(cards.GetByTestId("card-label")).ToHaveTextAsync(["Jordan Kim", "Candidate B"]);
        await Expect(cards.Nth(1).GetByTestId("reveal")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("blind-badge")).ToContainTextAsync("1 of 2 revealed to you");
        Assert.DoesNotContain("Casey Novak", await member.ContentAsync());
        await AppFixture.ScreenshotAsync(member, "calibration-session-one-revealed");

        // The reveal opens Jordan's named gap view, and nobody else's.
        await cards.Nth(0).GetByTestId("gap-link").ClickAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Jordan Kim's gap to Level 4", new() { Timeout = 20_000 });
        await AppFixture.ScreenshotAsync(member, "calibration-revealed-gap");
        await OpenAsync(member, $"/gap/{caseyId}");
        await Expect(member.GetByText("That engineer's gap view does not exist, or you may not see it.")).ToBeVisibleAsync();
        Assert.DoesNotContain("Casey Novak", await member.ContentAsync());

        // The chair sees who revealed which candidate, and why.
        await OpenAsync(chair, $"/calibration/{sessionId}");
        await Expect(chair.GetByTestId("reveal-log")).ToContainTextAsync("Dana Whitfield revealed Candidate A");
        await Expect(chair.GetByTestId("reveal-log")).ToContainTextAsync("I mentored this candidate last year and want to declare it.");
        await Expect(chairCards.Nth(1).GetByTestId("decision")).ToContainTextAsync("signed-off ML Ops evidence first");
        await AppFixture.ScreenshotAsync(chair, "calibration-session-recused-chair-decided");
    }

    /// <summary>
    /// Through the use cases, as the people who would: Nia gives Tomasz the panel role and creates a blind session he
    /// chairs with Dana; Priya nominates Jordan (Candidate A), Tomasz his own report Casey (Candidate B); Tomasz starts it.
    /// </summary>
    private async Task<(int SessionId, int CaseyId)> ArrangeRecusedChairSessionAsync()
    {
        var services = app.Services;
        var directory = services.GetRequiredService<SignInDirectory>();
        var people = await directory.ListAsync(TestContext.Current.CancellationToken);
        int IdOf(string email) => people.Single(p => p.Email == email).Id;
        async Task<Actor> ActorAsync(string email) => (await directory.FindAsync(IdOf(email)))!;

        var nia = await ActorAsync(Nia);
        var tomasz = await services.GetRequiredService<GetPersonForEdit>().HandleAsync(nia, IdOf(Tomasz));
        await services.GetRequiredService<UpdatePerson>().HandleAsync(nia, new UpdatePersonRequest(tomasz.Id, tomasz.Version, tomasz.Name, tomasz.Email,
            tomasz.ManagerEmail, tomasz.Craft, tomasz.Specialism, tomasz.CurrentLevel, tomasz.TargetLevel, tomasz.Roles | Roles.CalibrationPanel));
        var sessionId = await services.GetRequiredService<CreateSession>().HandleAsync(nia,
            new("Level 4 promotions, conflicts", 4, new DateOnly(2026, 12, 17), [IdOf(Dana)], IdOf(Tomasz)));
        var nominate = services.GetRequiredService<NominateCandidate>();
        await nominate.HandleAsync(await ActorAsync(Priya), new(sessionId, IdOf(JordanKim), "Re-implemented the few-shot segmentation paper and now leads the team's research reading group."));
        await nominate.HandleAsync(await ActorAsync(Tomasz), new(sessionId, IdOf(CaseyNovak), "Owns the ROV's four-camera capture pipeline end to end."));
        await services.GetRequiredService<StartSession>().HandleAsync(await ActorAsync(Tomasz), sessionId);
        return (sessionId, IdOf(CaseyNovak));
    }

    private async Task NominateAsync(string manager, string sessionName, string[] reports)
    {
        var page = await SignedInAsync(manager);
        await OpenAsync(page, "/calibration");
        var card = page.Locator("[data-testid^='session-card-']", new() { HasText = sessionName });
        foreach (var report in reports)
        {
            await card.GetByTestId("nominate").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog.GetByTestId("nominate-save")).ToBeVisibleAsync();
            await ChooseAsync(page, dialog.Locator(".mud-select"), report);
            await dialog.GetByTestId("nominate-statement").FillAsync(
                "Has carried the team's model delivery for two quarters and mentors newer engineers; ready for the wider scope.");
            if (report == reports[0])
            {
                await AppFixture.ScreenshotAsync(page, "calibration-nominate-dialog", fullPage: false);
            }

            await dialog.GetByTestId("nominate-save").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(card.GetByTestId("my-nominees")).ToContainTextAsync(report);
        }
    }

    private async Task<IPage> SignedInAsync(string email, int width = 1280)
    {
        var page = await app.NewPageAsync(width);
        await app.SignInAsync(page, email);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
    }

    /// <summary>Opens a MudSelect and picks the option whose text starts with <paramref name="option"/>.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task SubmitPreReadAsync(ILocator card, string outcome, string? note)
    {
        var form = card.GetByTestId("preread-form");
        await form.GetByText(outcome, new() { Exact = true }).ClickAsync();
        if (note is not null)
        {
            await form.GetByTestId("preread-note").FillAsync(note);
        }

        await form.GetByTestId("preread-submit").ClickAsync();
        await Expect(card.GetByTestId("preread-submit")).ToHaveTextAsync("Update my pre-read");
        await Expect(card.GetByTestId("prereads-hidden")).ToHaveCountAsync(0);
    }

    private static async Task DecideAsync(ILocator card, string outcome, string rationale)
    {
        var form = card.GetByTestId("decision-form");
        await form.GetByText(outcome, new() { Exact = true }).ClickAsync();
        await form.GetByTestId("decision-rationale").FillAsync(rationale);
        await form.GetByTestId("decision-save").ClickAsync();
        await Expect(card.GetByTestId("decision")).ToContainTextAsync(rationale);
        await Expect(card.GetByTestId("decision").GetByTestId("outcome-chip")).ToHaveTextAsync(outcome);
    }

    /// <summary>Neither the text a reader sees nor the HTML behind it names a candidate or their manager.</summary>
    private static async Task AssertBlindAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var identity in HiddenIdentities)
        {
            Assert.False(text.Contains(identity, StringComparison.OrdinalIgnoreCase), $"{page.Url} shows \"{identity}\" in a blind session.");
            Assert.False(html.Contains(identity, StringComparison.OrdinalIgnoreCase), $"{page.Url} holds \"{identity}\" in its HTML in a blind session.");
        }
    }
}

