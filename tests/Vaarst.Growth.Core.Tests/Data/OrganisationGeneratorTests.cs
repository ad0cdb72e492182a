using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.Data;

public sealed class OrganisationGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly GeneratorOptions Small = new() { Engineers = 40, Seed = 7 };

    [Fact]
    public async Task Generate_small_organisation_has_the_requested_shape()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var organisation = await OrganisationGenerator.GenerateAsync(db, Small, Ct);

        var counts = organisation.Counts;
        Assert.Equal(40, counts.Engineers);
        Assert.Equal(40, organisation.Engineers.Count);
        Assert.Equal(5, organisation.Managers.Count); // 8 reports each
        Assert.Equal(20, counts.PanelMembers);
        Assert.Equal(5, counts.FrameworkPages);
        Assert.Equal(5 * 3 * 16, counts.Statements);
        Assert.Equal(400, counts.Evidence);
        Assert.Equal(20, counts.CalibrationSessions);
        await using var check = database.CreateDbContext();
        Assert.Equal(counts.People, await check.People.CountAsync(Ct));
        Assert.Equal(counts.ChecklistItems, await check.ChecklistItems.CountAsync(Ct));
        Assert.Equal(counts.ReviewDecisions, await check.ReviewDecisions.CountAsync(Ct));
        Assert.Equal(counts.EvidenceLinks, await check.EvidenceSupports.CountAsync(Ct));
        Assert.Equal(counts.AuditEvents + 1, await check.AuditEvents.CountAsync(Ct)); // + the framework import's own event
        Assert.All(await check.People.Where(p => p.Roles == Roles.Engineer).Select(p => p.ManagerId).ToListAsync(Ct), m => Assert.NotNull(m));
        Assert.All(await check.People.Where(p => p.Roles == Roles.Engineer).GroupBy(p => p.ManagerId).Select(g => g.Count()).ToListAsync(Ct),
            reports => Assert.InRange(reports, 1, 8));
        Assert.Contains(await check.ChecklistItems.Select(i => i.Status).Distinct().ToListAsync(Ct), s => s == ItemStatus.SignedOff);
        Assert.Equal([DecisionKind.SignOff, DecisionKind.RequestChanges, DecisionKind.Revoke, DecisionKind.Reconfirm],
            (await check.ReviewDecisions.Select(d => d.Kind).Distinct().ToListAsync(Ct)).Order());
        Assert.Equal(SessionState.Nominating, organisation.Sessions[^1].State);
        Assert.Equal(SessionState.InSession, organisation.Sessions[^2].State);
    }

    [Fact]
    public async Task Generate_items_status_follows_their_last_decision_and_history_stays_in_the_past()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await OrganisationGenerator.GenerateAsync(db, Small, Ct);

        await using var check = database.CreateDbContext();
        var items = await check.ChecklistItems.AsNoTracking()
            .Select(i => new
            {
                i.Status, i.NeedsReconfirmation, i.SubmittedAtUtc, i.UpdatedAtUtc, i.Rating,
                Decisions = i.Decisions.OrderBy(d => d.DecidedAtUtc).Select(d => new { d.Kind, d.DecidedAtUtc, d.EvidenceCount, d.EvidenceBasis }).ToList(),
            })
            .ToListAsync(Ct);

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var last = item.Decisions.LastOrDefault();
            switch (item.Status)
            {
                case ItemStatus.Draft:
                    Assert.Empty(item.Decisions);
                    Assert.Null(item.SubmittedAtUtc);
                    break;
                case ItemStatus.Submitted:
                    Assert.True(last is null || last.Kind == DecisionKind.RequestChanges);
                    Assert.True(last is null || item.SubmittedAtUtc > last.DecidedAtUtc);
                    break;
                case ItemStatus.SignedOff:
                    Assert.Contains(last!.Kind, new[] { DecisionKind.SignOff, DecisionKind.Reconfirm });
                    break;
                case ItemStatus.ChangesRequested:
                    Assert.Contains(last!.Kind, new[] { DecisionKind.RequestChanges, DecisionKind.Revoke });
                    break;
            }

            Assert.True(!item.NeedsReconfirmation || item.Status == ItemStatus.SignedOff);
            Assert.True(item.UpdatedAtUtc <= Small.NowUtc);
            Assert.All(item.Decisions, d => Assert.InRange(d.DecidedAtUtc, Small.NowUtc.AddDays(-Small.HistoryDays), Small.NowUtc));
            Assert.All(item.Decisions, d => Assert.Equal(d.EvidenceCount, System.Text.Json.JsonDocument.Parse(d.EvidenceBasis!).RootElement.GetArrayLength()));
        }
    }

    [Fact]
    public async Task Generate_same_seed_gives_same_rows_and_another_seed_differs()
    {
        var first = await FingerprintAsync(Small);
        var again = await FingerprintAsync(Small);
        var other = await FingerprintAsync(Small with { Seed = 8 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Generate_refuses_a_directory_that_already_holds_people()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using var db = scenario.Database.CreateDbContext();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => OrganisationGenerator.GenerateAsync(db, Small, Ct));

        Assert.Contains("already holds people", refusal.Message);
        Assert.Equal(0, await db.Evidence.CountAsync(Ct));
    }

    [Fact]
    public async Task Pages_for_ten_crafts_are_fifty_valid_pages_written_to_a_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vaarst-growth-tests", "pages-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await SyntheticFramework.WritePagesAsync(folder, new GeneratorOptions { Crafts = 10 }, Ct);

            var parsed = FrameworkPageParser.ParsePath(folder);
            Assert.Equal(50, files.Count);
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
            Assert.Equal(50, parsed.Pages.Count);
            Assert.Equal(10, parsed.Pages.Select(p => p.Craft).Distinct().Count());
            Assert.All(parsed.Pages, p => Assert.Equal(["All", .. SpecialismsOf(p)], p.Sections.Select(s => s.Name)));
            Assert.All(parsed.Pages, p => Assert.All(p.Sections, s => Assert.Equal(16, s.Areas.Sum(a => a.Statements.Count))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static IEnumerable<string> SpecialismsOf(FrameworkPage page) => page.Sections.Skip(1).Select(s => s.Name);
    }

    private static async Task<string> FingerprintAsync(GeneratorOptions options)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await OrganisationGenerator.GenerateAsync(db, options, Ct);
        }

        await using var check = database.CreateDbContext();
        var people = await check.People.OrderBy(p => p.Id).Select(p => p.Email + p.ManagerId + p.Specialism + p.TargetLevel).ToListAsync(Ct);
        var items = await check.ChecklistItems.OrderBy(i => i.Id).Select(i => $"{i.PersonId}/{i.StatementId}/{i.Status}/{i.UpdatedAtUtc:O}").ToListAsync(Ct);
        var evidence = await check.Evidence.OrderBy(e => e.Id).Select(e => e.ContentHash).ToListAsync(Ct);
        var nominations = await check.Nominations.OrderBy(n => n.Id).Select(n => $"{n.SessionId}/{n.CandidateId}/{n.Decision}").ToListAsync(Ct);
        return string.Join('\n', people.Concat(items).Concat(evidence).Concat(nominations));
    }
}
