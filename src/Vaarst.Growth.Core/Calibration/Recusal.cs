using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>Why a panel member steps aside for a candidate.</summary>
public enum RecusalReason
{
    /// <summary>They nominated the candidate (for good: it does not lapse when the line manager changes).</summary>
    Nominated,

    /// <summary>They are the candidate's line manager today.</summary>
    LineManager,

    /// <summary>They review the candidate's items today, as a delegate an administrator assigned to the line manager.</summary>
    Delegate,
}

/// <summary>
/// Conflicts of interest on one nomination. A panel member (the chair too) who nominated the candidate, manages them,
/// or reviews them as an active delegate of their manager is recused from that candidate: no pre-read, no decision.
/// The chair records decisions; for a candidate the chair is recused from, any member who is not recused records it
/// (the audit event says who, and that the chair was recused).
/// </summary>
internal sealed record Conflicts(int NominationId, int NominatedById, int? ManagerId, IReadOnlyList<int> Delegates)
{
    public RecusalReason? Of(int memberId) =>
        memberId == NominatedById ? RecusalReason.Nominated
        : memberId == ManagerId ? RecusalReason.LineManager
        : Delegates.Contains(memberId) ? RecusalReason.Delegate
        : null;

    public bool MayDecide(CalibrationSession session, int memberId) =>
        Of(memberId) is null && (session.ChairId == memberId || Of(session.ChairId) is not null);

    /// <summary>Refuses a recused member, with the reason in words they recognise.</summary>
    public void RequireNotRecused(int memberId, string what)
    {
        if (Of(memberId) is { } reason)
        {
            throw new ForbiddenException($"You are recused from this candidate: {Recusal.Describe(reason)}. {what} is for the members who are not recused.");
        }
    }
}

internal static class Recusal
{
    public static string Describe(RecusalReason reason) => reason switch
    {
        RecusalReason.Nominated => "you nominated them",
        RecusalReason.LineManager => "you are their line manager",
        _ => "you review their items as their line manager's delegate",
    };

    /// <summary>The conflicts of every nomination of a session, by nomination id, as of <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyDictionary<int, Conflicts>> ForSessionAsync(GrowthDbContext db, int sessionId, DateOnly today, CancellationToken cancellationToken) =>
        (await Query(db, db.Nominations.Where(n => n.SessionId == sessionId), today).ToListAsync(cancellationToken)).ToDictionary(c => c.NominationId);

    /// <summary>The conflicts of each of <paramref name="nominations"/>, in one query (the home page's pre-reads due).</summary>
    public static async Task<List<Conflicts>> ForNominationsAsync(GrowthDbContext db, IQueryable<Nomination> nominations, DateOnly today, CancellationToken cancellationToken) =>
        await Query(db, nominations, today).ToListAsync(cancellationToken);

    public static async Task<Conflicts> ForNominationAsync(GrowthDbContext db, int nominationId, DateOnly today, CancellationToken cancellationToken) =>
        await Query(db, db.Nominations.Where(n => n.Id == nominationId), today).SingleAsync(cancellationToken);

    /// <summary>Who would be recused from <paramref name="candidateId"/> if <paramref name="nominatorId"/> nominated them today.</summary>
    public static async Task<Conflicts> ForCandidateAsync(GrowthDbContext db, int candidateId, int nominatorId, DateOnly today, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.Id == candidateId)
            .Select(p => new Conflicts(0, nominatorId, p.ManagerId, db.Delegations
                .Where(d => d.ManagerId == p.ManagerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
                .Select(d => d.DelegateId).ToList()))
            .SingleAsync(cancellationToken);

    // The same "active today" test as ReviewAuthority: a delegate is recused exactly while they may review.
    private static IQueryable<Conflicts> Query(GrowthDbContext db, IQueryable<Nomination> nominations, DateOnly today) =>
        nominations.AsNoTracking().Select(n => new Conflicts(n.Id, n.NominatedById, n.Candidate!.ManagerId, db.Delegations
            .Where(d => d.ManagerId == n.Candidate.ManagerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
            .Select(d => d.DelegateId).ToList()));
}
