using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.TestSupport;

/// <summary>
/// The small organisation tests share, on a migrated database with the seed framework imported: a manager (Mia) with an
/// Edge ML engineer (Eda) and an ML engineer (Max), another manager (Oscar), an administrator (Ada) and, when asked
/// for, three calibration panel members (Pat, Quinn, Rae).
/// </summary>
public sealed record TestOrganisation(Actor Manager, Actor OtherManager, Actor Edge, Actor Ml, Actor Admin, IReadOnlyList<Actor> Panel)
{
    public static async Task<TestOrganisation> CreateAsync(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time, bool withPanel,
        CancellationToken cancellationToken)
    {
        var pages = FrameworkPageParser.ParsePath(RepositoryRoot.Combine("seed-content", "careerframework"));
        await new ImportFramework(dbFactory, new InAppNotificationSender(time), time)
            .HandleAsync(Actor.System, new ImportFrameworkRequest(pages.Pages, "seed"), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var craftId = await db.Crafts.Select(c => c.Id).SingleAsync(cancellationToken);
        var manager = new Person { Name = "Mia Manager", Email = "mia@vaarst.example", Roles = Roles.Manager };
        var other = new Person { Name = "Oscar Othermanager", Email = "oscar@vaarst.example", Roles = Roles.Manager };
        var edge = new Person { Name = "Eda Edge", Email = "eda@vaarst.example", Roles = Roles.Engineer, Manager = manager, CraftId = craftId, Specialism = "Edge ML Engineer", CurrentLevel = 3, TargetLevel = 4 };
        var ml = new Person { Name = "Max Ml", Email = "max@vaarst.example", Roles = Roles.Engineer, Manager = manager, CraftId = craftId, Specialism = "ML Engineer", CurrentLevel = 3, TargetLevel = 4 };
        var admin = new Person { Name = "Ada Admin", Email = "ada@vaarst.example", Roles = Roles.Administrator };
        List<Person> panel = withPanel
            ?
            [
                new Person { Name = "Pat Panel", Email = "pat@vaarst.example", Roles = Roles.CalibrationPanel },
                new Person { Name = "Quinn Panel", Email = "quinn@vaarst.example", Roles = Roles.CalibrationPanel },
                new Person { Name = "Rae Panel", Email = "rae@vaarst.example", Roles = Roles.CalibrationPanel },
            ]
            : [];
        db.People.AddRange([manager, other, edge, ml, admin, .. panel]);
        await db.SaveChangesAsync(cancellationToken);
        return new TestOrganisation(Of(manager), Of(other), Of(edge), Of(ml), Of(admin), panel.Select(Of).ToList());
    }

    private static Actor Of(Person p) => new(p.Id, p.Name, p.Roles);
}
