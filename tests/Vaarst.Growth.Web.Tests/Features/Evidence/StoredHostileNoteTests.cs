using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Features.Calibration;
using Vaarst.Growth.Web.Features.Evidence;
using Vaarst.Growth.Web.Features.Review;

namespace Vaarst.Growth.Web.Tests.Features.Evidence;

/// <summary>
/// A note stored before the Markdown limits (5,000 '>' took four pages down with a 500) renders as escaped text with a
/// notice on every page that shows evidence, so the engineer can still reach it (and archive it).
/// </summary>
public sealed class StoredHostileNoteTests : ComponentTestContext
{
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";
    private static readonly string Hostile = new string('>', 5_000) + " <script>alert(1)</script>";

    [Theory]
    [InlineData("evidence library")]
    [InlineData("item page")]
    [InlineData("review page")]
    [InlineData("candidate page")]
    public async Task Page_with_a_stored_note_too_deep_to_format_renders_it_escaped_with_a_notice(string page)
    {
        await using var database = await SeededDatabase.CreateAsync();
        var alex = await database.ActorAsync(SeededDatabase.AlexMorgan);
        int evidenceId, itemId;
        string managerEmail;
        await using (var db = database.CreateDbContext())
        {
            var support = await db.EvidenceSupports
                .Where(s => s.ChecklistItem!.PersonId == alex.PersonId && !s.Evidence!.IsArchived && s.ChecklistItem.Statement!.Area!.Section!.Level!.Number == 4)
                .OrderBy(s => s.EvidenceId).Select(s => new { s.EvidenceId, s.ChecklistItemId }).FirstAsync(Ct);
            (evidenceId, itemId) = (support.EvidenceId, support.ChecklistItemId);
            managerEmail = await db.People.Where(p => p.Id == alex.PersonId).Select(p => p.Manager!.Email).SingleAsync(Ct);
            // As a row saved before the limits existed: straight into the table.
            await db.Evidence.Where(e => e.Id == evidenceId).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Kind, EvidenceKind.Note).SetProperty(e => e.NoteMarkdown, Hostile)
                .SetProperty(e => e.Url, (string?)null).SetProperty(e => e.FileName, (string?)null), Ct);
        }

        var nomination = page == "candidate page" ? await NominateAlexAsync(database, managerEmail) : 0;
        await (page switch
        {
            "evidence library" => RenderAsAsync<EvidenceLibraryPage>(database, SeededDatabase.AlexMorgan, _ => { }),
            "item page" => RenderAsAsync<ItemPage>(database, SeededDatabase.AlexMorgan, p => p.Add(x => x.ItemId, itemId)),
            "review page" => RenderAsAsync<ReviewItemPage>(database, managerEmail, p => p.Add(x => x.ItemId, itemId)),
            _ => RenderAsAsync<CandidatePage>(database, Morgan, p => p.Add(x => x.NominationId, nomination)),
        });
    }

    private async Task RenderAsAsync<T>(SeededDatabase database, string email, Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        await SignInAsync(database, email);
        var rendered = Render(parameters);

        rendered.WaitForElement("[data-testid=note-notice]");
        Assert.Contains("shown as written", rendered.Find("[data-testid=note-notice]").TextContent);
        var body = rendered.Find("[data-testid=note-notice] + [data-testid=note-body]");
        Assert.Contains("&gt;&gt;&gt;&gt;", body.InnerHtml);
        Assert.Contains("&lt;script&gt;", body.InnerHtml);
        Assert.Empty(body.QuerySelectorAll("blockquote, script"));
    }

    /// <summary>A started Level 4 session chaired by Morgan in which Alex's manager nominated Alex; returns the nomination.</summary>
    private static async Task<int> NominateAlexAsync(SeededDatabase database, string managerEmail)
    {
        var services = new ServiceCollection().AddLogging();
        database.AddGrowthCore(services);
        await using var provider = services.BuildServiceProvider();
        var (nia, morgan, dana, manager, alex) = (await database.ActorAsync(Nia), await database.ActorAsync(Morgan), await database.ActorAsync(Dana),
            await database.ActorAsync(managerEmail), await database.ActorAsync(SeededDatabase.AlexMorgan));
        var session = await provider.GetRequiredService<CreateSession>().HandleAsync(nia,
            new CreateSessionRequest("Level 4 promotions", 4, new DateOnly(2026, 12, 1), [morgan.PersonId!.Value, dana.PersonId!.Value], morgan.PersonId!.Value));
        var nomination = await provider.GetRequiredService<NominateCandidate>().HandleAsync(manager, new NominateCandidateRequest(session, alex.PersonId!.Value, "Leads the ML Ops work of the team."));
        await provider.GetRequiredService<StartSession>().HandleAsync(morgan, session);
        return nomination;
    }
}
