using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="SeesIdentities">The reader sees this candidate by name (the session is not blind, or they revealed the candidate while it was open).</param>
/// <param name="Label">"Candidate A" while the identity is hidden.</param>
/// <param name="ManagerName">Null while the identity is hidden.</param>
/// <param name="PersonId">The candidate, only while the reader may also open their named record (the session is open and they see the name).</param>
public sealed record CandidateDossier(
    int NominationId, int SessionId, string SessionName, int TargetLevel, bool SeesIdentities, string Label, string? ManagerName, string? Specialism,
    string CaseStatement, GapCounts Overall, IReadOnlyList<DossierArea> Areas, Outcome? Decision, string? DecisionRationale, int? PersonId,
    DossierFrozen? Frozen = null, Trajectory? Trajectory = null);

/// <summary>The frozen record the dossier shows: when it was captured, its hash, and how many statements read differently live now (while the session runs).</summary>
public sealed record DossierFrozen(DateTime CapturedAtUtc, string ContentHash, int ChangedSince);

public sealed record DossierArea(string Section, string Name, bool IsDefined, GapCounts Counts, IReadOnlyList<DossierStatement> Statements);

/// <param name="ReviewComments">Reviewers' comments; the reviewer is "Line manager" while identities are hidden.</param>
/// <param name="Rating">The candidate's self-rating (stored name), or null without an item.</param>
public sealed record DossierStatement(string Text, GapState State, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<DossierComment> ReviewComments, string? Rating = null);

public sealed record DossierComment(string Reviewer, DecisionKind Kind, string Comment, DateTime AtUtc);

/// <summary>
/// A candidate's items, self-ratings, evidence, review comments and gap summary, read-only, for the session's panel (the
/// drill-down and the promotion packet), open or closed: the session's own record. Once the session has started it is the
/// frozen record captured then (<see cref="DossierSnapshot"/>), with its hash and, while the session runs, how many
/// statements read differently live; before, it is read live. Where the reader does not see the candidate by name
/// (<see cref="PanelReading.NamedNominations"/>), the candidate's, manager's and reviewers' names are left out and
/// uploaded files appear under name-free names, downloaded through the session.
/// </summary>
public sealed class GetCandidateDossier(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<CandidateDossier> HandleAsync(Actor actor, int nominationId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var named = PanelReading.NamedNominations(db, me).Select(n => n.Id);
        var nomination = await PanelReading.PanelNominations(db, me).AsNoTracking()
            .Where(n => n.Id == nominationId)
            .Select(n => new { n.Id, n.SessionId, n.Alias, n.CandidateId, n.NominatedById, n.CaseStatement, n.Decision, n.DecisionRationale, Named = named.Contains(n.Id) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That candidate is not in a session you sit on.");
        var session = await SessionAccess.RequireMemberAsync(db, actor, nomination.SessionId, cancellationToken);
        var sees = nomination.Named;
        var label = SessionAccess.Label(nomination.Alias);

        var snapshot = await db.DossierSnapshots.AsNoTracking().Where(d => d.NominationId == nominationId).FirstOrDefaultAsync(cancellationToken);
        var live = snapshot is null || session.State == SessionState.InSession
            ? await CandidateRecords.ReadLiveAsync(db, nomination.CandidateId, nomination.NominatedById, session.TargetLevel, cancellationToken)
            : null;
        var record = snapshot is null ? live : CandidateRecords.Deserialize(snapshot.Content);
        if (record is null)
        {
            throw new NotFoundException("That candidate is not in a session you sit on.");
        }

        var frozen = snapshot is null
            ? null
            : new DossierFrozen(snapshot.CapturedAtUtc, snapshot.ContentHash, live is null ? 0 : CandidateRecords.ChangesSince(record, live));
        var areas = record.Areas.Select(area => new DossierArea(area.Section, area.Name, area.IsDefined, area.Counts,
            area.Statements.Select(st => new DossierStatement(st.Text, st.State,
                st.Evidence.Select(e => sees || e.View.Kind != EvidenceKind.File ? e.View : e.View with { FileName = PanelReading.NameFreeFileName(label, e.View.Id, e.View.ContentType) }).ToList(),
                st.Comments.Select(c => sees ? c : c with { Reviewer = "Line manager" }).ToList(), st.Rating)).ToList())).ToList();

        return new CandidateDossier(nomination.Id, session.Id, session.Name, session.TargetLevel, sees,
            sees ? record.Name : label, sees ? record.ManagerName : null, record.Specialism, nomination.CaseStatement, record.Overall, areas,
            nomination.Decision, nomination.DecisionRationale, sees && session.State != SessionState.Closed ? nomination.CandidateId : null, frozen,
            (await Trajectories.ForAsync(db, [nomination.Id], cancellationToken))[nomination.Id]);
    }
}
