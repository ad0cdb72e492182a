using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="IsMember">The caller sits on the panel.</param>
/// <param name="MyNominees">The caller's own nominees in this session (for managers), by name.</param>
/// <param name="CycleName">The promotion cycle the session belongs to (null for sessions from before cycles).</param>
public sealed record SessionSummary(int Id, string? CycleName, string Name, int TargetLevel, DateOnly ScheduledOn, SessionState State, bool IsBlind, string ChairName,
    int Candidates, bool IsMember, bool IsChair, IReadOnlyList<string> MyNominees);

/// <summary>
/// The sessions the caller has to do with: those they sit on; those open for nomination (managers); all of them for
/// administrators (header only — candidates stay with the panel).
/// </summary>
public sealed class ListSessions(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SessionSummary>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        var isManager = actor.Has(Roles.Manager);
        var isAdmin = actor.IsAdministrator;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalibrationSessions.AsNoTracking()
            .Where(s => isAdmin || s.Members.Any(m => m.PersonId == me) || (isManager && s.State == SessionState.Nominating)
                || s.Nominations.Any(n => n.NominatedById == me))
            .OrderByDescending(s => s.ScheduledOn).ThenBy(s => s.Name)
            .Select(s => new SessionSummary(s.Id, s.Cycle != null ? s.Cycle.Name : null, s.Name, s.TargetLevel, s.ScheduledOn, s.State, s.IsBlind, s.Chair!.Name, s.Nominations.Count,
                s.Members.Any(m => m.PersonId == me), s.ChairId == me,
                s.Nominations.Where(n => n.NominatedById == me).Select(n => n.Candidate!.Name).ToList()))
            .ToListAsync(cancellationToken);
    }
}
