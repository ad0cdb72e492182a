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
    string CaseStatement, GapCounts Overall, IReadOnlyList<DossierArea> Areas, Outcome? Decision, string? DecisionRationale, int? PersonId);

public sealed record DossierArea(string Section, string Name, bool IsDefined, GapCounts Counts, IReadOnlyList<DossierStatement> Statements);

/// <param name="ReviewComments">Reviewers' comments; the reviewer is "Line manager" while identities are hidden.</param>
public sealed record DossierStatement(string Text, GapState State, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<DossierComment> ReviewComments);

public sealed record DossierComment(string Reviewer, DecisionKind Kind, string Comment, DateTime AtUtc);

/// <summary>
/// A candidate's items, evidence, review comments and gap summary, read-only, for the session's panel (the drill-down
/// and the promotion packet), open or closed: the session's own record. Where the reader does not see the candidate
/// by name (<see cref="PanelReading.NamedNominations"/>), the candidate's and reviewers' names are never read and
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

        var gap = await GetGap.ReadAsync(db, nomination.CandidateId, session.TargetLevel, readable: null, own: false, cancellationToken, withName: sees)
            ?? throw new NotFoundException("That candidate is not in a session you sit on.");
        var itemIds = gap.Areas.SelectMany(a => a.Statements).Where(s => s.ItemId is not null).Select(s => s.ItemId!.Value).ToList();
        var evidence = await db.EvidenceSupports.AsNoTracking()
            .Where(s => itemIds.Contains(s.ChecklistItemId) && !s.Evidence!.IsArchived)
            .Select(s => new { s.ChecklistItemId, s.EvidenceId })
            .ToListAsync(cancellationToken);
        // Only the evidence supporting the statements, not the candidate's whole library.
        var supporting = evidence.Select(e => e.EvidenceId).Distinct().ToList();
        var views = await EvidenceView.ReadAsync(db,
            db.Evidence.AsNoTracking().Where(e => e.OwnerId == nomination.CandidateId && !e.IsArchived && supporting.Contains(e.Id)), colleagueNames: sees, cancellationToken);
        if (!sees)
        {
            views = views.Select(v => v.Kind == EvidenceKind.File ? v with { FileName = PanelReading.NameFreeFileName(label, v.Id, v.ContentType) } : v).ToList();
        }

        var comments = await db.ReviewDecisions.AsNoTracking()
            .Where(d => itemIds.Contains(d.ChecklistItemId) && d.Comment != null)
            .OrderBy(d => d.DecidedAtUtc)
            .Select(d => new { d.ChecklistItemId, Reviewer = sees ? d.Reviewer!.Name : null, d.Kind, d.Comment, d.DecidedAtUtc })
            .ToListAsync(cancellationToken);
        var managerName = sees ? await db.People.Where(p => p.Id == nomination.NominatedById).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;

        var evidenceByItem = evidence.ToLookup(e => e.ChecklistItemId, e => e.EvidenceId);
        var commentsByItem = comments.ToLookup(c => c.ChecklistItemId);
        var areas = gap.Sections.SelectMany(section => section.Areas.Select(area => new DossierArea(section.Name, area.Name, area.IsDefined, area.Counts,
            area.Statements.Select(st => new DossierStatement(st.Text, st.State,
                st.ItemId is { } id ? views.Where(v => evidenceByItem[id].Contains(v.Id)).ToList() : [],
                st.ItemId is { } itemId
                    ? commentsByItem[itemId].Select(c => new DossierComment(c.Reviewer ?? "Line manager", c.Kind, c.Comment!, c.DecidedAtUtc)).ToList()
                    : [])).ToList()))).ToList();

        return new CandidateDossier(nomination.Id, session.Id, session.Name, session.TargetLevel, sees,
            sees ? gap.PersonName : label, managerName, gap.Specialism, nomination.CaseStatement, gap.Overall, areas,
            nomination.Decision, nomination.DecisionRationale, sees && session.State != SessionState.Closed ? nomination.CandidateId : null);
    }
}
