using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="SeesIdentities">Every candidate is shown to the caller by name (the session is not blind, or they revealed each one).</param>
public sealed record SessionView(
    int Id, string Name, int TargetLevel, DateOnly ScheduledOn, SessionState State, bool IsBlind, bool IsChair, bool SeesIdentities,
    int Version, IReadOnlyList<string> Panel, IReadOnlyList<RevealView> Reveals, IReadOnlyList<CandidateView> Candidates, string? CycleName = null,
    IReadOnlyList<CycleOption>? LaterCycles = null);

/// <summary>A promotion cycle a Not yet / Defer can name to look at the candidate again.</summary>
public sealed record CycleOption(int Id, string Name);

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
    bool CanPreRead = false, bool CanDecide = false, IReadOnlyList<string>? PlanOptions = null,
    string? PlanAreas = null, string? RevisitCycle = null, IReadOnlyList<ReopenedDecision>? History = null, string? Reopen = null, bool CanRequestReopen = false);

/// <summary>A decision replaced after reopening: what it was, and why it was reopened.</summary>
public sealed record ReopenedDecision(Outcome Decision, string Rationale, DateTime? DecidedAtUtc, string Reason);

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
                n.Id, n.Alias, n.CaseStatement, n.Decision, n.DecisionRationale, n.Version, n.CandidateId, n.PlanAreas,
                Revisit = db.PromotionCycles.Where(c => c.Id == n.RevisitCycleId).Select(c => c.Name).FirstOrDefault(),
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

        var ids = nominations.Select(n => n.Id).ToList();
        var planOptions = (await db.DossierSnapshots.AsNoTracking().Where(d => ids.Contains(d.NominationId)).Select(d => new { d.NominationId, d.Content }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.NominationId, d => (IReadOnlyList<string>)CandidateRecords.Deserialize(d.Content).Areas.Where(a => a.IsDefined).Select(a => a.Name).Distinct().ToList());
        var laterCycles = await db.PromotionCycles.AsNoTracking().Where(c => c.ReleasedAtUtc == null && c.Id != session.CycleId)
            .OrderBy(c => c.OpensOn).Select(c => new CycleOption(c.Id, c.Name)).ToListAsync(cancellationToken);
        var reopens = await db.ReopenRequests.AsNoTracking().Where(r => ids.Contains(r.NominationId)).OrderBy(r => r.RequestedAtUtc).ToListAsync(cancellationToken);
        var released = session.State == SessionState.Closed
            && (session.CycleId is not { } cycleOf || await db.PromotionCycles.AnyAsync(c => c.Id == cycleOf && c.ReleasedAtUtc != null, cancellationToken));
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
                CanDecide: (session.State == SessionState.InSession || reopens.Any(r => r.NominationId == n.Id && r.ApprovedAtUtc != null && r.RedecidedAtUtc == null))
                    && conflict.MayDecide(session, me),
                PlanOptions: planOptions.GetValueOrDefault(n.Id), PlanAreas: n.PlanAreas, RevisitCycle: n.Revisit,
                History: reopens.Where(r => r.NominationId == n.Id && r.RedecidedAtUtc != null)
                    .Select(r => new ReopenedDecision(r.PreviousDecision, r.PreviousRationale, r.PreviousDecidedAtUtc, r.Reason)).ToList(),
                Reopen: reopens.FirstOrDefault(r => r.NominationId == n.Id && r.RedecidedAtUtc == null) is { } open
                    ? open.ApprovedAtUtc is null ? "Reopening requested: waiting for an administrator's approval." : "Reopened: record the decision again."
                    : null,
                CanRequestReopen: released && session.ChairId == me && n.Decision is not null && !reopens.Any(r => r.NominationId == n.Id && r.RedecidedAtUtc == null));
        }).ToList();

        return new SessionView(session.Id, session.Name, session.TargetLevel, session.ScheduledOn, session.State, session.IsBlind, session.ChairId == me,
            candidates.All(c => c.Named), session.Version, panel, reveals, candidates,
            session.CycleId is { } cycleId ? await db.PromotionCycles.Where(c => c.Id == cycleId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null,
            laterCycles);
    }
}
