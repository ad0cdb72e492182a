using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using Vaarst.Growth.Web.Features.Evidence;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

public sealed class EvidenceDialogTests : ComponentTestContext
{
    [Fact]
    public async Task EvidenceDialog_javascript_link_is_refused_with_a_message_and_nothing_is_saved()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var statements = await UnratedStatementsAsync(sam, 1);
        var before = await EvidenceCountAsync(database, sam);
        var (provider, result) = await OpenAsync(statements);

        provider.Find("input[data-testid=evidence-title]").Input("Looks harmless");
        provider.Find("input[data-testid=evidence-url]").Input("javascript:alert(1)");
        provider.Find("button[data-testid=evidence-save]").Click();

        provider.WaitForAssertion(() => Assert.Contains("http", provider.Find("[data-testid=evidence-errors]").TextContent));
        Assert.False(result.IsCompleted, "The dialog stays open so the engineer can correct the link.");
        Assert.Equal(before, await EvidenceCountAsync(database, sam));
    }

    [Fact]
    public async Task EvidenceDialog_link_ticked_for_two_statements_is_saved_and_supports_both()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var statements = await UnratedStatementsAsync(sam, 3);
        var (provider, result) = await OpenAsync(statements, preselected: statements[0].StatementId);

        provider.Find("input[data-testid=evidence-title]").Input("Quantisation pull request");
        provider.Find("input[data-testid=evidence-url]").Input("https://github.com/vaarst-demo/edge/pull/7");
        provider.Find($"input[data-testid=attach-{statements[2].StatementId}]").Change(true);
        provider.Find("button[data-testid=evidence-save]").Click();

        var closed = await result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(closed?.Canceled ?? true);
        await using var db = database.CreateDbContext();
        var saved = await db.Evidence.AsNoTracking().Where(e => e.OwnerId == sam.PersonId && e.Title == "Quantisation pull request")
            .Select(e => new { e.Url, e.LinkKind, Statements = e.Supports.Select(s => s.ChecklistItem!.StatementId).ToList() })
            .SingleAsync(Ct);
        Assert.Equal("https://github.com/vaarst-demo/edge/pull/7", saved.Url);
        Assert.Equal("GitHubPullRequest", saved.LinkKind);
        Assert.Equal(new[] { statements[0].StatementId, statements[2].StatementId }.Order(), saved.Statements.Order());
    }

    [Fact]
    public async Task EvidenceDialog_file_kind_without_a_file_asks_for_one_and_saves_nothing()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var before = await EvidenceCountAsync(database, sam);
        var (provider, result) = await OpenAsync([]);

        await provider.InvokeAsync(() => provider.FindComponent<MudToggleGroup<Core.Evidence.EvidenceKind>>().Instance.ValueChanged.InvokeAsync(Core.Evidence.EvidenceKind.File));
        provider.Find("input[data-testid=evidence-title]").Input("Benchmark results");
        provider.Find("button[data-testid=evidence-save]").Click();

        provider.WaitForAssertion(() => Assert.Contains("Choose a file", provider.Find("[data-testid=evidence-errors]").TextContent));
        Assert.False(result.IsCompleted);
        Assert.Equal(before, await EvidenceCountAsync(database, sam));
    }

    [Fact]
    public async Task EvidenceDialog_structure_prompts_until_answered_and_is_saved_as_labelled_description()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var statements = await UnratedStatementsAsync(sam, 1);
        var (provider, result) = await OpenAsync(statements, preselected: statements[0].StatementId);

        provider.Find("input[data-testid=evidence-title]").Input("Edge rollout");
        provider.Find("input[data-testid=evidence-url]").Input("https://github.com/vaarst-demo/edge/pull/9");
        provider.WaitForAssertion(() => Assert.Contains(Core.Evidence.EvidencePromptWording.NoResult, provider.Find("[data-testid=evidence-form-prompts]").TextContent));
        provider.Find("input[data-testid=evidence-structured]").Change(true);
        provider.Find("textarea[data-testid=evidence-situation]").Input("Releases to cameras were manual");
        provider.Find("textarea[data-testid=evidence-what-i-did]").Input("I wrote the OTA rollout job");
        provider.Find("textarea[data-testid=evidence-result]").Input("Releases now take 20 minutes");
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=evidence-form-prompts]")));
        provider.Find("button[data-testid=evidence-save]").Click();

        Assert.False((await result.WaitAsync(TimeSpan.FromSeconds(10), Ct))?.Canceled ?? true);
        await using var db = database.CreateDbContext();
        var description = await db.Evidence.Where(e => e.OwnerId == sam.PersonId && e.Title == "Edge rollout").Select(e => e.Description).SingleAsync(Ct);
        Assert.Equal("Situation: Releases to cameras were manual\n\nWhat I did: I wrote the OTA rollout job\n\nResult: Releases now take 20 minutes", description);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> OpenAsync(IReadOnlyList<StatementOption> statements, int? preselected = null)
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<EvidenceDialog>("Add evidence", new DialogParameters<EvidenceDialog>
        {
            { d => d.Statements, statements },
            { d => d.PreselectedStatementIds, preselected is { } id ? [id] : [] },
        }));
        provider.WaitForElement("button[data-testid=evidence-save]");
        return (provider, reference.Result);
    }

    private async Task<IReadOnlyList<StatementOption>> UnratedStatementsAsync(Actor engineer, int count)
    {
        var checklist = await Services.GetRequiredService<GetChecklist>().HandleAsync(engineer, new GetChecklistRequest(), Ct);
        return checklist.Sections.SelectMany(s => s.Areas)
            .SelectMany(a => a.Rows.Where(r => r.ItemId is null).Select(r => new StatementOption(r.StatementId, a.Name, r.Text)))
            .Take(count)
            .ToList();
    }

    private static async Task<int> EvidenceCountAsync(SeededDatabase database, Actor engineer)
    {
        await using var db = database.CreateDbContext();
        return await db.Evidence.CountAsync(e => e.OwnerId == engineer.PersonId, Ct);
    }
}
