using Bunit;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Web.Tests.Features.ReviewTestHost;
using HomePage = Vaarst.Growth.Web.Features.Home.Home;

namespace Vaarst.Growth.Web.Tests.Features.Home;

public sealed class HomePageTests : BunitContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Engineer_home_leads_with_the_items_that_need_changes()
    {
        await using var host = await CreateAsync();
        var itemId = await host.SubmittedAsync(host.Edge, Benchmarking);
        await using (var db = host.CreateDbContext())
        {
            await db.ChecklistItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ItemStatus.ChangesRequested), Ct);
        }

        host.AddTo(this, host.Edge);
        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("1 item needs changes", cut.Find("[data-testid=next-task-engineer] [data-testid=next-task-headline]").TextContent.Trim()));
        var button = cut.Find("[data-testid=next-task-engineer] a[data-testid=next-task-button]");
        Assert.Equal("/checklist", button.GetAttribute("href"));
        Assert.Contains("Open my checklist", button.TextContent);
        Assert.Contains("of your target level not yet rated", cut.Find("[data-testid=next-task-engineer] [data-testid=next-task-others]").TextContent);
        // The existing content stays below.
        Assert.NotNull(cut.Find("[data-testid=checklist-summary]"));
    }

    [Fact]
    public async Task Manager_home_leads_with_the_items_waiting_for_review()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        await host.SubmittedAsync(host.Ml, Algorithms);
        host.AddTo(this, host.Manager);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("2 items wait for your review", cut.Find("[data-testid=next-task-manager] [data-testid=next-task-headline]").TextContent.Trim()));
        Assert.Equal("/reviews", cut.Find("[data-testid=next-task-manager] a[data-testid=next-task-button]").GetAttribute("href"));
    }

    [Fact]
    public async Task Home_of_someone_with_nothing_due_says_nothing_waits()
    {
        await using var host = await CreateAsync();
        await host.SubmittedAsync(host.Edge, Benchmarking);
        host.AddTo(this, host.OtherManager);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing waits for you", cut.Find("[data-testid=next-task-none]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=next-task-button]"));
    }

    [Fact]
    public async Task Panel_home_leads_with_the_pre_reads_due()
    {
        await using var host = await CreateAsync();
        Actor panel;
        Person chair;
        await using (var db = host.CreateDbContext())
        {
            var person = new Person { Name = "Pat Panel", Email = "pat@vaarst.example", Roles = Roles.CalibrationPanel };
            chair = new Person { Name = "Quinn Panel", Email = "quinn@vaarst.example", Roles = Roles.CalibrationPanel };
            db.People.AddRange(person, chair);
            await db.SaveChangesAsync(Ct);
            panel = new Actor(person.Id, person.Name, person.Roles);
        }

        var session = await host.UseCase<CreateSession>().HandleAsync(host.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [panel.PersonId!.Value, chair.Id], chair.Id), Ct);
        await host.UseCase<NominateCandidate>().HandleAsync(host.Manager, new NominateCandidateRequest(session, host.Edge.PersonId!.Value, "Ready"), Ct);
        host.AddTo(this, panel);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("1 pre-read due in 1 session", cut.Find("[data-testid=next-task-panel] [data-testid=next-task-headline]").TextContent.Trim()));
        Assert.Equal("/calibration", cut.Find("[data-testid=next-task-panel] a[data-testid=next-task-button]").GetAttribute("href"));
    }

    [Fact]
    public async Task Administrator_home_leads_with_engineers_without_a_manager()
    {
        await using var host = await CreateAsync();
        await using (var db = host.CreateDbContext())
        {
            db.People.Add(new Person { Name = "Nia New", Email = "nia@vaarst.example", Roles = Roles.Engineer });
            await db.SaveChangesAsync(Ct);
        }

        host.AddTo(this, host.Admin);
        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("1 engineer has no line manager", cut.Find("[data-testid=next-task-administrator] [data-testid=next-task-headline]").TextContent.Trim()));
        Assert.Equal("/admin/people", cut.Find("[data-testid=next-task-administrator] a[data-testid=next-task-button]").GetAttribute("href"));
    }
}
