using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record SessionView(
    int Id, string Name, int TargetLevel, DateOnly ScheduledOn, SessionState State, bool IsBlind, bool IsChair, bool SeesIdentities,
    int Version, IReadOnlyList<string> Panel, IReadOnlyList<RevealView> Reveals, IReadOnlyList<CandidateView> Candidates);

/// <summary>Who revealed identities and why (shown to the chair).</summary>
public sealed record RevealView(string MemberName, string Reason, DateTime RevealedAtUtc);

/// <param name="Label">"Candidate A" in a blind session (unless the caller revealed identities), else the name.</param>
/// <param name="ManagerName">Null while identities are hidden.</param>
/// <param name="OtherPreReads">Other members' views; empty until the caller has submitted their own for this candidate.</param>
public sealed record CandidateView(
    int NominationId, string Label, string? ManagerName, string CaseStatement, PreReadView? MyPreRead, int PreReadCount,
    IReadOnlyList<PreReadView> OtherPreReads, Outcome? Decision, string? DecisionRationale, int Version);

public sealed record PreReadView(string MemberName, Outcome Outcome, string? Note, DateTime SubmittedAtUtc);

/// <summary>
/// A session as its panel sees it: blind labels unless revealed, each member's own pre-read, others' pre-reads only
/// after the member submitted theirs, decisions. Only panel members may read it.
/// </summary>
public sealed class GetSession(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<SessionView> HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireMemberAsync(db, actor, sessionId, cancellationToken);
        var sees = await SessionAccess.SeesIdentitiesAsync(db, session, me, cancellationToken);
        var panel = await db.PanelMembers.Where(m => m.SessionId == sessionId).OrderBy(m => m.Person!.Name).Select(m => m.Person!.Name).ToListAsync(cancellationToken);
        var reveals = session.ChairId == me
            ? await db.IdentityReveals.Where(r => r.SessionId == sessionId).OrderBy(r => r.RevealedAtUtc)
                .Select(r => new RevealView(db.People.Where(p => p.Id == r.PanelMemberId).Select(p => p.Name).First(), r.Reason, r.RevealedAtUtc))
                .ToListAsync(cancellationToken)
            : [];

        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.SessionId == sessionId)
            .OrderBy(n => n.Alias.Length).ThenBy(n => n.Alias)
            .Select(n => new
            {
                n.Id, n.Alias, n.CaseStatement, n.Decision, n.DecisionRationale, n.Version,
                // Names are only read from the database when the caller may see them.
                Name = sees ? n.Candidate!.Name : null,
                Manager = sees ? db.People.Where(p => p.Id == n.NominatedById).Select(p => p.Name).FirstOrDefault() : null,
                PreReads = n.PreReads.Select(p => new
                {
                    p.PanelMemberId, p.Outcome, p.Note, p.SubmittedAtUtc,
                    Member = db.People.Where(x => x.Id == p.PanelMemberId).Select(x => x.Name).First(),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var candidates = nominations.Select(n =>
        {
            var mine = n.PreReads.FirstOrDefault(p => p.PanelMemberId == me);
            var others = mine is null
                ? []
                : n.PreReads.Where(p => p.PanelMemberId != me).OrderBy(p => p.SubmittedAtUtc).Select(p => new PreReadView(p.Member, p.Outcome, p.Note, p.SubmittedAtUtc)).ToList();
            return new CandidateView(n.Id, n.Name ?? SessionAccess.Label(n.Alias), n.Manager, n.CaseStatement,
                mine is null ? null : new PreReadView(mine.Member, mine.Outcome, mine.Note, mine.SubmittedAtUtc), n.PreReads.Count, others,
                n.Decision, n.DecisionRationale, n.Version);
        }).ToList();

        return new SessionView(session.Id, session.Name, session.TargetLevel, session.ScheduledOn, session.State, session.IsBlind, session.ChairId == me, sees,
            session.Version, panel, reveals, candidates);
    }
}
