using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Demo;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.People;

public sealed class SeedDemoOrganisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_demo_organisation_loads_people_evidence_and_sign_offs_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var pages = FrameworkPageParser.ParsePath(RepositoryRoot.Combine("seed-content", "careerframework"));
        await new ImportFramework(database, new InAppNotificationSender(database.Clock), database.Clock).HandleAsync(Actor.System, new ImportFrameworkRequest(pages.Pages, "seed"), Ct);
        var seed = new SeedDemoOrganisation(database, database.Clock);
        var file = RepositoryRoot.Combine("seed-content", "demo", "organisation.yaml");

        Assert.True(await seed.HandleAsync(Actor.System, file, Ct));
        Assert.False(await seed.HandleAsync(Actor.System, file, Ct));

        await using var db = database.CreateDbContext();
        var people = await db.People.ToListAsync(Ct);
        Assert.Equal(2, people.Count(p => p.HasRole(Roles.Manager)));
        Assert.Equal(2, people.Count(p => p.HasRole(Roles.CalibrationPanel)));
        Assert.Single(people, p => p.HasRole(Roles.Administrator));
        var engineers = people.Where(p => p.HasRole(Roles.Engineer)).ToList();
        Assert.Equal(5, engineers.Count);
        Assert.Contains(engineers, e => e.Specialism == "ML Engineer");
        Assert.Contains(engineers, e => e.Specialism == "Edge ML Engineer");
        Assert.Equal([3, 4], engineers.Select(e => e.CurrentLevel!.Value).Distinct().Order());
        Assert.All(engineers, e => Assert.Equal(4, e.TargetLevel));
        Assert.All(engineers, e => Assert.NotNull(e.ManagerId));
        Assert.True(await db.ChecklistItems.CountAsync(i => i.Status == ItemStatus.SignedOff, Ct) >= 3);
        Assert.True(await db.Evidence.CountAsync(Ct) >= 5);
        Assert.Equal(await db.ChecklistItems.CountAsync(i => i.Status == ItemStatus.SignedOff || i.Status == ItemStatus.ChangesRequested, Ct),
            await db.ReviewDecisions.CountAsync(Ct));
        // Every sign-off was made by the engineer's own line manager.
        Assert.Empty(await db.ReviewDecisions.Where(d => d.ReviewerId != d.ChecklistItem!.Person!.ManagerId).ToListAsync(Ct));
    }

    [Fact]
    public async Task Seed_demo_organisation_before_the_framework_is_imported_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var seed = new SeedDemoOrganisation(database, database.Clock);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            seed.HandleAsync(Actor.System, RepositoryRoot.Combine("seed-content", "demo", "organisation.yaml"), Ct));

        Assert.Contains("import the framework first", ex.Message);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.People.CountAsync(Ct));
    }
}
