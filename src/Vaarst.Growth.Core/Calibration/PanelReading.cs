using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// What a panel member reads of the candidates of the sessions they sit on: every candidate name-free through the
/// session's own views, by name only where the session is not blind or they revealed that candidate. Calibration's part
/// of <see cref="RecordAccess"/>: as an <see cref="INamedReadingGrant"/> it lets a panel member who sees a candidate by
/// name in a session that is not closed read that candidate's record by name (gap, items, evidence), like a reviewer.
/// </summary>
public sealed class PanelReading : INamedReadingGrant
{
    /// <inheritdoc />
    public IQueryable<int> PeopleReadableBy(GrowthDbContext db, int readerId) =>
        NamedNominations(db, readerId).Where(n => n.Session!.State != SessionState.Closed).Select(n => n.CandidateId);

    /// <summary>The nominations of the sessions <paramref name="readerId"/> sits on: the candidates they read, name-free unless also in <see cref="NamedNominations"/>.</summary>
    public static IQueryable<Nomination> PanelNominations(GrowthDbContext db, int readerId) =>
        db.Nominations.Where(n => n.Session!.Members.Any(m => m.PersonId == readerId));

    /// <summary>
    /// The nominations a panel member sees by name in the session's views: all of a session that is not blind; in a
    /// blind session, while it is open, those they revealed. Once a blind session closes, nobody on it sees a name.
    /// </summary>
    public static IQueryable<Nomination> NamedNominations(GrowthDbContext db, int readerId) =>
        PanelNominations(db, readerId).Where(n => !n.Session!.IsBlind
            || (n.Session.State != SessionState.Closed && db.IdentityReveals.Any(r => r.NominationId == n.Id && r.PanelMemberId == readerId)));

    /// <summary>
    /// Nominations of blind sessions <paramref name="readerId"/> sits on, open or closed: audit events about them tie a
    /// label to a person, so an administrator who sits on such a panel does not read them in the audit log.
    /// </summary>
    public static IQueryable<string> BlindNominationSubjects(GrowthDbContext db, int readerId) =>
        PanelNominations(db, readerId).Where(n => n.Session!.IsBlind).Select(n => n.Id.ToString());

    /// <summary>
    /// How a name-free view presents an uploaded file: its own name is the engineer's and often carries theirs
    /// ("AlexMorgan-results.pdf"), so it is replaced by the candidate's label, the evidence id and an extension taken
    /// from the content type that was recognised at upload (never from the uploaded name).
    /// </summary>
    public static string NameFreeFileName(string label, int evidenceId, string? contentType)
    {
        var slug = string.Concat(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        return $"{slug}-evidence-{evidenceId}{EvidenceFileTypes.ExtensionFor(contentType)}";
    }
}
