using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// The one place that decides who may read a person's record (checklist items, evidence, gap, history), and in which
/// form. Every use case that returns a person's data asks here; none keeps its own list of readers.
/// <list type="bullet">
/// <item>Named: the person; whoever reviews them today (line manager, or a delegate an administrator assigned for the
/// period); a panel member of a calibration session that is not closed, for a candidate whose identity that member
/// sees there (the session is not blind, or they revealed that candidate with a reason).</item>
/// <item>Name-free: every panel member reads the candidates of the sessions they sit on through the session's own
/// views (session, comparison, dossier, packet, and evidence files served by the session), open or closed. Those
/// views read names from the database only for candidates in <see cref="NamedNominations"/>.</item>
/// <item>Administrators read the directory and the audit log, not people's records; the audit log leaves out, for an
/// administrator who sits on a blind panel, the events that tie that session's candidates to their labels.</item>
/// </list>
/// A session that closes ends every named reading through it; only its name-free record stays.
/// </summary>
public static class RecordAccess
{
    /// <summary>The people whose record <paramref name="readerId"/> may read by name today.</summary>
    public static IQueryable<int> NamedReadable(GrowthDbContext db, int readerId, DateOnly today)
    {
        var reviewable = ReviewAuthority.ReviewablePeople(db, readerId, today).Select(p => p.Id);
        var identified = NamedNominations(db, readerId).Where(n => n.Session!.State != SessionState.Closed).Select(n => n.CandidateId);
        return db.People.Where(p => p.Id == readerId || reviewable.Contains(p.Id) || identified.Contains(p.Id)).Select(p => p.Id);
    }

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
