using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Features.Calibration;

namespace Vaarst.Growth.Web.Tests.Features.Calibration;

/// <summary>
/// The session page against the real use cases on a fresh copy of the demo database per test: a blind session chaired by
/// Morgan Ellis with Dana Whitfield, where Priya nominated Alex Morgan and Tomasz nominated Casey Novak.
/// </summary>
public sealed class SessionPageTests : ComponentTestContext
{
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Tomasz = "tomasz.okafor@vaarst.example";
    private const string CaseyNovak = "casey.novak@vaarst.example";

    [Fact]
    public async Task SessionPage_hides_other_members_pre_reads_until_mine_is_submitted()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var session = await ArrangeAsync(database, start: true);
        await RunAsync(database, (provider, actors) => provider.GetRequiredService<SubmitPreRead>()
            .HandleAsync(actors[Morgan], new SubmitPreReadRequest(session.Nominations[0], Outcome.Promote, "Morgan's view: ready now.")));
        await SignInAsync(database, Dana);

        var page = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));

        var card = $"[data-testid='candidate-card-{session.Nominations[0]}']";
        page.WaitForElement($"{card} [data-testid='prereads-hidden']");
        Assert.Contains("1 pre-read submitted", page.Find($"{card} [data-testid='prereads-hidden']").TextContent);
        Assert.DoesNotContain("Morgan's view", page.Markup);
        Assert.DoesNotContain("Morgan Ellis", page.Find($"{card} [data-testid='other-prereads']").TextContent);

        var outcome = RadioGroup(page, "preread-outcome", 0);
        await page.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync(Outcome.NotYet));
        page.Find($"{card} button[data-testid='preread-submit']").Click();

        page.WaitForAssertion(() => Assert.Contains("Morgan Ellis", page.Find($"{card} [data-testid='other-prereads']").TextContent));
        Assert.Contains("Morgan's view: ready now.", page.Find($"{card} [data-testid='other-prereads']").TextContent);
        Assert.Empty(page.FindAll($"{card} [data-testid='prereads-hidden']"));
        // The other candidate's pre-reads stay hidden: Dana has not read that one yet.
        Assert.NotEmpty(page.FindAll($"[data-testid='candidate-card-{session.Nominations[1]}'] [data-testid='prereads-hidden']"));
    }

    [Fact]
    public async Task SessionPage_decision_without_a_rationale_shows_the_error_and_records_nothing()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var session = await ArrangeAsync(database, start: true);
        await SignInAsync(database, Morgan);
        var page = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));
        var card = $"[data-testid='candidate-card-{session.Nominations[0]}']";
        page.WaitForElement($"{card} [data-testid='decision-form']");

        var outcome = RadioGroup(page, "decision-outcome", 0);
        await page.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync(Outcome.Promote));
        page.Find($"{card} button[data-testid='decision-save']").Click();

        page.WaitForAssertion(() => Assert.Equal("A rationale is required.", page.Find($"{card} [data-testid='decision-error']").TextContent.Trim()));
        Assert.Empty(page.FindAll($"{card} [data-testid='decision']"));
        await using var db = database.CreateDbContext();
        Assert.Null(await db.Nominations.Where(n => n.Id == session.Nominations[0]).Select(n => n.Decision).SingleAsync(Ct));
    }

    [Fact]
    public async Task SessionPage_member_sees_no_chair_actions_and_no_names()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var session = await ArrangeAsync(database, start: true);

        await SignInAsync(database, Dana);
        var member = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));
        member.WaitForElement("[data-testid^='candidate-card-']");

        Assert.Empty(member.FindAll("[data-testid='decision-form']"));
        Assert.Empty(member.FindAll("[data-testid='reveal-log']"));
        Assert.Empty(member.FindAll("[data-testid='close-hint'], [data-testid='close-session'], [data-testid='start-session']"));
        Assert.Equal(2, member.FindAll("[data-testid='decision-pending']").Count);
        // Reveals are per candidate: one button on each card.
        Assert.Equal(2, member.FindAll("button[data-testid='reveal']").Count);
        Assert.Single(member.FindAll("[data-testid='blind-warning']"));
        Assert.Equal(["Candidate A", "Candidate B"], member.FindAll("[data-testid='card-label']").Select(l => l.TextContent));
        Assert.DoesNotContain("Alex Morgan", member.Markup);
        Assert.DoesNotContain("Priya Raman", member.Markup);
    }

    [Fact]
    public async Task SessionPage_chair_gets_decision_forms_reveal_log_and_closes_only_when_all_are_decided()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var session = await ArrangeAsync(database, start: true);
        await SignInAsync(database, Morgan);

        var chair = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));
        chair.WaitForElement("[data-testid='decision-form']");

        Assert.Equal(2, chair.FindAll("[data-testid='decision-form']").Count);
        Assert.Single(chair.FindAll("[data-testid='reveal-log']"));
        Assert.Contains("0 of 2 decided", chair.Find("[data-testid='close-hint']").TextContent);
        Assert.Empty(chair.FindAll("[data-testid='close-session']"));

        await RunAsync(database, async (provider, actors) =>
        {
            var view = await provider.GetRequiredService<GetSession>().HandleAsync(actors[Morgan], session.Id);
            foreach (var candidate in view.Candidates)
            {
                await provider.GetRequiredService<RecordDecision>()
                    .HandleAsync(actors[Morgan], new RecordDecisionRequest(candidate.NominationId, candidate.Version, Outcome.Defer, "Too early to judge."));
            }
        });
        var decided = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));

        decided.WaitForElement("button[data-testid='close-session']");
        Assert.Equal(2, decided.FindAll("[data-testid='decision']").Count);
        Assert.Empty(decided.FindAll("[data-testid='decision-form']"));
        Assert.Empty(decided.FindAll("[data-testid='close-hint']"));
    }

    [Fact]
    public async Task SessionPage_start_is_for_the_chair_while_nominating()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var session = await ArrangeAsync(database, start: false);
        await SignInAsync(database, Morgan);

        var chair = Render<SessionPage>(p => p.Add(s => s.SessionId, session.Id));
        chair.WaitForElement("button[data-testid='start-session']");
        chair.Find("button[data-testid='start-session']").Click();

        chair.WaitForAssertion(() => Assert.Equal("In session", chair.Find("[data-testid='session-state']").TextContent.Trim()));
        Assert.Empty(chair.FindAll("button[data-testid='start-session']"));
    }

    [Fact]
    public async Task SessionPage_shows_a_chair_who_nominated_a_candidate_as_recused_with_no_pre_read_or_decision_for_them()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var (sessionId, alex, casey) = await ArrangeRecusedChairAsync(database);

        await SignInAsync(database, Tomasz);
        var chair = Render<SessionPage>(p => p.Add(s => s.SessionId, sessionId));

        var card = $"[data-testid='candidate-card-{casey}']";
        chair.WaitForElement($"{card} [data-testid='recused-chip']");
        Assert.Contains("You are recused from this candidate: you nominated them.", chair.Find($"{card} [data-testid='recusal']").TextContent);
        Assert.Empty(chair.FindAll($"{card} [data-testid='preread-form'], {card} [data-testid='decision-form']"));
        Assert.Contains("the members who are not recused decide", chair.Find($"{card} [data-testid='decision-pending']").TextContent);
        Assert.Single(chair.FindAll($"[data-testid='candidate-card-{alex}'] [data-testid='decision-form']"));
        Assert.Empty(chair.FindAll($"[data-testid='candidate-card-{alex}'] [data-testid='recused-chip']"));
        Assert.DoesNotContain("Casey Novak", chair.Markup);
    }

    [Fact]
    public async Task SessionPage_member_records_the_decision_on_a_candidate_the_chair_is_recused_from()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var (sessionId, alex, casey) = await ArrangeRecusedChairAsync(database);

        await SignInAsync(database, Dana);
        var member = Render<SessionPage>(p => p.Add(s => s.SessionId, sessionId));

        var card = $"[data-testid='candidate-card-{casey}']";
        member.WaitForElement($"{card} [data-testid='decision-form']");
        Assert.Contains("The chair is recused from this candidate", member.Find($"{card} [data-testid='chair-recused']").TextContent);
        Assert.Empty(member.FindAll("[data-testid='recused-chip']"));
        Assert.Empty(member.FindAll($"[data-testid='candidate-card-{alex}'] [data-testid='decision-form']"));

        var outcome = RadioGroup(member, "decision-outcome", 0);
        await member.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync(Outcome.NotYet));
        member.Find($"{card} [data-testid='decision-form'] textarea").Input("Capture pipeline is strong; needs more signed-off ML Ops evidence.");
        member.Find($"{card} button[data-testid='decision-save']").Click();

        member.WaitForAssertion(() => Assert.Contains("needs more signed-off ML Ops evidence", member.Find($"{card} [data-testid='decision']").TextContent));
        await using var db = database.CreateDbContext();
        var decided = await db.Nominations.SingleAsync(n => n.Id == casey, Ct);
        Assert.Equal((Outcome.NotYet, (await database.ActorAsync(Dana)).PersonId), (decided.Decision, decided.DecidedById));
    }

    /// <summary>Tomasz (given the panel role) chairs with Dana; Priya nominates Alex, Tomasz nominates his own report Casey; started.</summary>
    private static async Task<(int Session, int Alex, int Casey)> ArrangeRecusedChairAsync(SeededDatabase database)
    {
        await using (var db = database.CreateDbContext())
        {
            var tomasz = await db.People.SingleAsync(p => p.Email == Tomasz, Ct);
            tomasz.Roles |= Roles.CalibrationPanel;
            await db.SaveChangesAsync(Ct);
        }

        (int, int, int) arranged = default;
        await RunAsync(database, async (provider, actors) =>
        {
            var id = await provider.GetRequiredService<CreateSession>().HandleAsync(actors[Nia],
                new CreateSessionRequest("Level 4 promotions", 4, new DateOnly(2026, 12, 1), [actors[Dana].PersonId!.Value], actors[Tomasz].PersonId!.Value));
            var nominate = provider.GetRequiredService<NominateCandidate>();
            var alex = await nominate.HandleAsync(actors[Priya], new NominateCandidateRequest(id, actors[SeededDatabase.AlexMorgan].PersonId!.Value, "Leads the ML Ops work of the team."));
            var casey = await nominate.HandleAsync(actors[Tomasz], new NominateCandidateRequest(id, actors[CaseyNovak].PersonId!.Value, "Owns the ROV capture pipeline."));
            await provider.GetRequiredService<StartSession>().HandleAsync(actors[Tomasz], id);
            arranged = (id, alex, casey);
        });
        return arranged;
    }

    private static IRenderedComponent<MudRadioGroup<Outcome?>> RadioGroup(IRenderedComponent<SessionPage> page, string testId, int index) =>
        page.FindComponents<MudRadioGroup<Outcome?>>()
            .Where(g => g.Instance.UserAttributes.TryGetValue("data-testid", out var value) && Equals(value, testId))
            .ElementAt(index);

    private sealed record ArrangedSession(int Id, int[] Nominations);

    /// <summary>Creates the session (and starts it) through the real use cases, as the people who would.</summary>
    private static async Task<ArrangedSession> ArrangeAsync(SeededDatabase database, bool start)
    {
        ArrangedSession? arranged = null;
        await RunAsync(database, async (provider, actors) =>
        {
            var id = await provider.GetRequiredService<CreateSession>().HandleAsync(actors[Nia],
                new CreateSessionRequest("Level 4 promotions", 4, new DateOnly(2026, 12, 1), [actors[Morgan].PersonId!.Value, actors[Dana].PersonId!.Value], actors[Morgan].PersonId!.Value));
            var nominate = provider.GetRequiredService<NominateCandidate>();
            var alex = await nominate.HandleAsync(actors[Priya], new NominateCandidateRequest(id, actors[SeededDatabase.AlexMorgan].PersonId!.Value, "Leads the ML Ops work of the team."));
            var casey = await nominate.HandleAsync(actors[Tomasz], new NominateCandidateRequest(id, actors[CaseyNovak].PersonId!.Value, "Owns the ROV capture pipeline."));
            if (start)
            {
                await provider.GetRequiredService<StartSession>().HandleAsync(actors[Morgan], id);
            }

            arranged = new ArrangedSession(id, [alex, casey]);
        });
        return arranged!;
    }

    private static async Task RunAsync(SeededDatabase database, Func<IServiceProvider, Dictionary<string, Actor>, Task> action)
    {
        var services = new ServiceCollection().AddLogging();
        database.AddGrowthCore(services);
        await using var provider = services.BuildServiceProvider();
        var actors = new Dictionary<string, Actor>();
        foreach (var email in new[] { Nia, Morgan, Dana, Priya, Tomasz, SeededDatabase.AlexMorgan, CaseyNovak })
        {
            actors[email] = await database.ActorAsync(email);
        }

        await action(provider, actors);
    }
}
