using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Gap;

public sealed record TeamMember(
    int Id, string Name, string? Specialism, int? CurrentLevel, int TargetLevel, GapCounts? Readiness, int WaitingForReview, int NeedsReconfirmation);

/// <summary>
/// A line manager's direct reports with their readiness for their target level (Level 4 when none is set).
/// Three queries whatever the team size: reports, applicable statements, items.
/// </summary>
public sealed class GetMyTeam(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<TeamMember>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var managerId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = await db.People.AsNoTracking()
            .Where(p => p.ManagerId == managerId && p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.CraftId, p.Specialism, p.CurrentLevel, Target = p.TargetLevel ?? Person.DefaultTargetLevel })
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return [];
        }

        var crafts = reports.Where(r => r.CraftId != null).Select(r => r.CraftId!.Value).Distinct().ToList();
        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.RetiredInVersionId == null && s.Area!.RetiredInVersionId == null && s.Area.IsDefined && s.Area.Section!.RetiredInVersionId == null
                && crafts.Contains(s.Area.Section.Level!.CraftId))
            .Select(s => new { s.Id, s.Area!.Section!.Level!.CraftId, s.Area.Section.Level.Number, Section = s.Area.Section.Name, s.Area.Section.AppliesToAll })
            .ToListAsync(cancellationToken);
        var itemsByPerson = await TeamItems.ReadAsync(db, reports.Select(r => r.Id).ToList(), cancellationToken);
        return reports.Select(r =>
        {
            var mine = itemsByPerson[r.Id].ToList();
            var byStatement = mine.ToDictionary(i => i.StatementId);

            // The same states and counts as the gap view, so "readiness" means one thing everywhere.
            var readiness = r.CraftId is { } craftId
                ? GapCounts.Of(statements
                    .Where(s => s.CraftId == craftId && s.Number == r.Target && Applicability.Applies(s.AppliesToAll, s.Section, r.Specialism))
                    .Select(s => byStatement.TryGetValue(s.Id, out var i) ? i.State : GapState.NotStarted))
                : null;
            return new TeamMember(r.Id, r.Name, r.Specialism, r.CurrentLevel, r.Target, readiness,
                mine.Count(i => i.Status == ItemStatus.Submitted),
                mine.Count(i => i.Status == ItemStatus.SignedOff && i.NeedsReconfirmation));
        }).ToList();
    }
}
