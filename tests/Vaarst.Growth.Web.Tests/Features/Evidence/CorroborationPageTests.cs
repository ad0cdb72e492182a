using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Web.Features.Evidence;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

public sealed class CorroborationPageTests : ComponentTestContext
{
    [Fact]
    public async Task Colleague_sees_only_the_evidence_and_its_statements_must_note_a_dispute_and_confirms()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var sam = await SignInAsync(database, SeededDatabase.SamLee);
        var alex = await database.ActorAsync(SeededDatabase.AlexMorgan);
        int evidenceId;
        await using (var db = database.CreateDbContext())
        {
            evidenceId = await db.Evidence.Where(e => e.OwnerId == alex.PersonId && !e.IsArchived && e.Supports.Any()).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
        }

        var id = (await Services.GetRequiredService<RequestCorroboration>().HandleAsync(alex,
            new RequestCorroborationRequest(evidenceId, [sam.PersonId!.Value], "Can you confirm my role in the rollout?"), Ct)).Single();
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();

        var page = Render<CorroborationPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Can you confirm my role in the rollout?", page.Find("[data-testid=corroboration-question]").TextContent));
        Assert.Single(page.FindAll("[data-testid^=evidence-]"), e => e.GetAttribute("data-testid") == $"evidence-{evidenceId}");
        Assert.NotEmpty(page.FindAll("[data-testid=corroboration-statements] li"));
        Assert.Empty(page.FindAll("a[href^='/checklist/items/']"));

        page.Find("button[data-testid=corroboration-dispute]").Click();
        page.WaitForAssertion(() => Assert.Contains("note is required", page.Find("[data-testid=corroboration-errors]").TextContent));

        page.Find("textarea[data-testid=corroboration-note]").Input("I reviewed the rollout with Alex");
        page.Find("button[data-testid=corroboration-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("You confirmed this evidence", page.Find("[data-testid=corroboration-answered]").TextContent));

        var evidence = (await Services.GetRequiredService<GetEvidenceLibrary>().HandleAsync(alex, false, Ct)).Single(e => e.Id == evidenceId);
        var card = Render<EvidenceCard>(p => p.Add(c => c.Evidence, evidence));
        Assert.Contains("corroborated by 1 · disputed by 0", card.Find("[data-testid=corroborations]").TextContent);
        Assert.Contains("Sam Lee confirmed", card.Find("[data-testid=corroboration]").TextContent);
    }

    [Fact]
    public async Task Someone_else_gets_a_not_found_page_with_a_way_back()
    {
        await using var database = await SeededDatabase.CreateAsync();
        await SignInAsync(database, SeededDatabase.SamLee);

        var page = Render<CorroborationPage>(p => p.Add(x => x.Id, 999_999));

        page.WaitForAssertion(() => Assert.Contains("not addressed to you", page.Markup));
        Assert.NotNull(page.Find("a[href='/corroborations']"));
    }
}
