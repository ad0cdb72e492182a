using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="SeesIdentities">Every candidate is shown to the caller by name (the session is not blind, or they revealed each one).</param>
public sealed record SessionView(
    int Id, string Name, int TargetLevel, DateOnly ScheduledOn, SessionState State, bool IsBlind, bool IsChair, bool SeesIdentities,
    int Version, IReadOnlyList<string> Panel, IReadOnlyList<RevealView> Reveals, IReadOnlyList<CandidateView> Candidates);

/// <summary>Who revealed which candidate and why (shown to the chair).</summary>
public sealed record RevealView(string MemberName, string CandidateLabel, string Reason, DateTime RevealedAtUtc);

/// <param name="Label">"Candidate A" in a blind session (unless the caller revealed this candidate while it is open), else the name.</param>
/// <param name="Named">The label is the candidate's name.</param>
/// <param name="PersonId">The candidate, only while the caller may also open their named record (their gap view).</param>
/// <param name="ManagerName">Null while the identity is hidden.</param>
/// <param name="OtherPreReads">Other members' views; empty until the caller has submitted their own for this candidate.</param>
/// <param name="CanReveal">The caller may reveal this candidate's name with a reason (blind, open, not yet revealed).</param>
/// <param name="Recusal">Why the caller is recused from this candidate ("you nominated them"), or null.</param>
/// <param name="ChairRecused">The chair is recused from this candidate, so a member who is not records the decision.</param>
/// <param name="CanPreRead">The caller may record or update a pre-read now.</param>
/// <param name="CanDecide">The caller may record the decision now.</param>
public sealed record CandidateView(
    int NominationId, string Label, string? ManagerName, string CaseStatement, PreReadView? MyPreRead, int PreReadCount,
    IReadOnlyList<PreReadView> OtherPreReads, Outcome? Decision, string? DecisionRationale, int Version,
    bool Named = false, int? PersonId = null, bool CanReveal = false, string? Recusal = null, bool ChairRecused = false,
    bool CanPreRead = false, bool CanDecide = false);

public sealed record PreReadView(string MemberName, Outcome Outcome, string? Note, DateTime SubmittedAtUtc);

/// <summary>
/// A session as its panel sees it: names only where <see cref="PanelReading.NamedNominations"/> allows (else blind
/// labels), each member's own pre-read, others' pre-reads only after the member submitted theirs, decisions, and who
/// is recused from which candidate (<see cref="Recusal"/>). Only panel members may read it.
/// </summary>
public sealed class GetSession(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<SessionView> HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireMemberAsync(db, actor, sessionId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var named = PanelReading.NamedNominations(db, me).Select(n => n.Id);
        var panel = await db.PanelMembers.Where(m => m.SessionId == sessionId).OrderBy(m => m.Person!.Name).Select(m => m.Person!.Name).ToListAsync(cancellationToken);
        var reveals = session.ChairId == me
            ? (await db.IdentityReveals.Where(r => r.SessionId == sessionId).OrderBy(r => r.RevealedAtUtc)
                .Select(r => new { Member = db.People.Where(p => p.Id == r.PanelMemberId).Select(p => p.Name).First(), r.Nomination!.Alias, r.Reason, r.RevealedAtUtc })
                .ToListAsync(cancellationToken))
                .Select(r => new RevealView(r.Member, SessionAccess.Label(r.Alias), r.Reason, r.RevealedAtUtc)).ToList()
            : [];
        var conflicts = await Recusal.ForSessionAsync(db, sessionId, today, cancellationToken);

        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.SessionId == sessionId)
            .OrderBy(n => n.Alias.Length).ThenBy(n => n.Alias)
            .Select(n => new
            {
                n.Id, n.Alias, n.CaseStatement, n.Decision, n.DecisionRationale, n.Version, n.CandidateId,
                // Names are only read from the database when the caller may see them.
                Name = named.Contains(n.Id) ? n.Candidate!.Name : null,
                Manager = named.Contains(n.Id) ? db.People.Where(p => p.Id == n.NominatedById).Select(p => p.Name).FirstOrDefault() : null,
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
            var conflict = conflicts[n.Id];
            var recusal = conflict.Of(me);
            return new CandidateView(n.Id, n.Name ?? SessionAccess.Label(n.Alias), n.Manager, n.CaseStatement,
                mine is null ? null : new PreReadView(mine.Member, mine.Outcome, mine.Note, mine.SubmittedAtUtc), n.PreReads.Count, others,
                n.Decision, n.DecisionRationale, n.Version,
                Named: n.Name is not null,
                PersonId: n.Name is not null && session.State != SessionState.Closed ? n.CandidateId : null,
                CanReveal: session.IsBlind && session.State != SessionState.Closed && n.Name is null,
                Recusal: recusal is { } reason ? Recusal.Describe(reason) : null,
                ChairRecused: conflict.Of(session.ChairId) is not null,
                CanPreRead: recusal is null && session.State != SessionState.Closed && n.Decision is null,
                CanDecide: session.State == SessionState.InSession && conflict.MayDecide(session, me));
        }).ToList();

        return new SessionView(session.Id, session.Name, session.TargetLevel, session.ScheduledOn, session.State, session.IsBlind, session.ChairId == me,
            candidates.All(c => c.Named), session.Version, panel, reveals, candidates);
    }
}
