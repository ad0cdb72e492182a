using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Evidence;
using Vaarst.Growth.Web.Features.Gap;
using Vaarst.Growth.Web.Features.People;
using Vaarst.Growth.Web.Features.Review;
using Vaarst.Growth.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Vaarst.Growth.Web.Tests.Features;

/// <summary>
/// A page's read runs once per page load: the prerender reads and hands its result over (PrerenderedRead), and the
/// circuit that takes the page over renders the same page from it without sending a single SQL command.
/// </summary>
public sealed class PrerenderedReadTests : ComponentTestContext
{
    private const string Sam = SeededDatabase.SamLee;
    private const string Priya = "priya.raman@vaarst.example";
    private const string Loading = ".mud-progress-linear.mud-progress-indeterminate";

    [Fact]
    public Task Checklist_reads_once_per_page_load() => ReadsOnceAsync<ChecklistPage, ChecklistView>(Sam, nameof(ChecklistView));

    [Fact]
    public Task Evidence_library_reads_once_per_page_load() => ReadsOnceAsync<EvidenceLibraryPage, IReadOnlyList<EvidenceView>>(Sam, "EvidenceLibrary");

    [Fact]
    public Task Gap_view_reads_once_per_page_load() => ReadsOnceAsync<GapPage, GapView>(Sam, nameof(GapView));

    [Fact]
    public Task Review_queue_reads_once_per_page_load() => ReadsOnceAsync<ReviewQueuePage, ReviewQueue>(Priya, nameof(ReviewQueue));

    [Fact]
    public Task Team_reads_once_per_page_load() => ReadsOnceAsync<TeamPage, IReadOnlyList<Core.Gap.TeamMember>>(Priya, "Team");

    private async Task ReadsOnceAsync<TPage, TView>(string email, string key)
        where TPage : IComponent
        where TView : class
    {
        await using var database = await SeededDatabase.CreateAsync();
        using var commands = new SqlCommandCounter(new SqliteConnectionStringBuilder(database.Configuration.GetConnectionString("Growth")).DataSource);

        // The prerender: reads, shows, and persists what it read when Blazor asks.
        await SignInAsync(database, email);
        var prerendered = Render<TPage>();
        prerendered.WaitForAssertion(() => Assert.Empty(prerendered.FindAll(Loading)));
        var prerenderCommands = commands.Count;
        PageState.TriggerOnPersisting();
        Assert.True(PageState.TryTake<TView>(key, out var handedOver) && handedOver is not null, $"The prerender persisted nothing under {key}.");

        // The circuit: the same page, from what the prerender handed over, without a query.
        await using var circuit = new Circuit();
        await circuit.SignInAsync(database, email);
        circuit.PageState.Persist(key, handedOver);
        // The promotion cycle's banner (home, team) and the development plan (gap view) hand over their own reads the same way.
        if (PageState.TryTake<Core.Calibration.CycleOverview>(nameof(Core.Calibration.CycleOverview), out var cycle) && cycle is not null)
        {
            circuit.PageState.Persist(nameof(Core.Calibration.CycleOverview), cycle);
        }

        if (PageState.TryTake<IReadOnlyList<Core.Gap.DevelopmentPlanView>>("DevelopmentPlans", out var plans) && plans is not null)
        {
            circuit.PageState.Persist("DevelopmentPlans", plans);
        }

        // What a circuit reads once whatever the page (the layout does it first): the frame, with the person's time zone (PersonTime).
        await circuit.Services.GetRequiredService<CurrentActor>().GetAsync();
        commands.Reset();
        var interactive = circuit.Render<TPage>();
        interactive.WaitForAssertion(() => Assert.Empty(interactive.FindAll(Loading)));

        Assert.True(prerenderCommands > 0, "The prerender read nothing.");
        Assert.Equal(0, commands.Count);
        Assert.Equal(TextOf(prerendered), TextOf(interactive));
    }

    /// <summary>What the page says (its markup differs in the ids MudBlazor makes up per render).</summary>
    private static string TextOf<TPage>(IRenderedComponent<TPage> page)
        where TPage : IComponent =>
        Regex.Replace(string.Concat(page.Nodes.Select(n => n.TextContent)), @"\s+", " ").Trim();

    private sealed class Circuit : ComponentTestContext
    {
        public new Task<Core.People.Actor> SignInAsync(SeededDatabase database, string email) => base.SignInAsync(database, email);
    }
}
