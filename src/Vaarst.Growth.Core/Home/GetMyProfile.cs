using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Home;

/// <summary>What the home page shows the signed-in person about themselves.</summary>
public sealed record MyProfile(
    int Id,
    string Name,
    string Email,
    Roles Roles,
    string? CraftName,
    string? Specialism,
    int? CurrentLevel,
    int? TargetLevel,
    string? ManagerName,
    int DirectReports,
    ChecklistSummary? Checklist);

/// <param name="Applicable">Defined, current statements of the target level in All + the person's specialism.</param>
public sealed record ChecklistSummary(int LevelNumber, string LevelTitle, int Applicable, int Rated, int Submitted, int SignedOff, int NotYetDefinedAreas);

/// <summary>The signed-in person's own profile and checklist summary. Nobody reads another person's profile here.</summary>
public sealed class GetMyProfile(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<MyProfile> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (actor.PersonId is not { } personId)
        {
            throw new ForbiddenException("Sign in as a person in the directory to see your profile.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await Person.For(db)(db, personId, cancellationToken)
            ?? throw new NotFoundException("You are not in the organisation directory; ask your administrator to add you.");

        ChecklistSummary? checklist = null;
        if (me.CraftId is { } craftId && me.TargetLevel is { } target)
        {
            var applicable = Applicability.Sections(me.Specialism);
            checklist = await db.Levels.AsNoTracking()
                .Where(l => l.CraftId == craftId && l.Number == target)
                .Select(l => new
                {
                    l.Number,
                    l.Title,
                    Statements = l.Sections
                        .AsQueryable().Where(applicable).Where(s => s.RetiredInVersionId == null)
                        // The area filter stays on the areas: a condition on the outer area inside the statements'
                        // filter makes a lateral join (SQL APPLY), which SQLite cannot run.
                        .SelectMany(s => s.Areas.Where(a => a.RetiredInVersionId == null && a.IsDefined))
                        .SelectMany(a => a.Statements.Where(st => st.RetiredInVersionId == null))
                        .Select(st => st.Id)
                        .AsEnumerable(),
                    Undefined = l.Sections
                        .AsQueryable().Where(applicable).Where(s => s.RetiredInVersionId == null)
                        .SelectMany(s => s.Areas.Where(a => a.RetiredInVersionId == null && !a.IsDefined))
                        .Count(),
                })
                .Select(l => new ChecklistSummary(
                    l.Number,
                    l.Title,
                    l.Statements.Count(),
                    db.ChecklistItems.Count(i => i.PersonId == personId && l.Statements.Contains(i.StatementId) && i.Rating != SelfRating.NotStarted),
                    db.ChecklistItems.Count(i => i.PersonId == personId && l.Statements.Contains(i.StatementId) && i.Status == ItemStatus.Submitted),
                    db.ChecklistItems.Count(i => i.PersonId == personId && l.Statements.Contains(i.StatementId) && i.Status == ItemStatus.SignedOff),
                    l.Undefined))
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new MyProfile(me.Id, me.Name, me.Email, me.Roles, me.CraftName, me.Specialism, me.CurrentLevel, me.TargetLevel,
            me.ManagerName, me.DirectReports, checklist);
    }

    // Compiled (once per model): every home page reads it. The direct reports are counted in the same query.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, CancellationToken, Task<PersonRow?>>> Person = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId, CancellationToken _) => db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonRow(
                p.Id, p.Name, p.Email, p.Roles, p.CraftId, p.Craft != null ? p.Craft.Name : null, p.Specialism,
                p.CurrentLevel, p.TargetLevel, p.Manager != null ? p.Manager.Name : null,
                db.People.Count(r => r.ManagerId == personId && r.IsActive)))
            .FirstOrDefault()));

    private sealed record PersonRow(int Id, string Name, string Email, Roles Roles, int? CraftId, string? CraftName, string? Specialism,
        int? CurrentLevel, int? TargetLevel, string? ManagerName, int DirectReports);
}
