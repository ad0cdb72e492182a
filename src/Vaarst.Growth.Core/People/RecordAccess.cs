using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>
/// The one place that decides who may read a person's record (checklist items, evidence, gap, history), and in which
/// form. Every use case that returns a person's data asks here; none keeps its own list of readers.
/// <list type="bullet">
/// <item>Named: the person; whoever reviews them today (line manager, or a delegate an administrator assigned for the
/// period) — also once the person is deactivated, when the record is read-only (<see cref="ReviewAuthority"/>); a panel member of a calibration session that is not closed, for a candidate whose identity that member
/// sees there (the session is not blind, or they revealed that candidate with a reason).</item>
/// <item>Name-free: every panel member reads the candidates of the sessions they sit on through the session's own
/// views (session, comparison, dossier, packet, and evidence files served by the session), open or closed. Those
/// views read names from the database only for candidates their panel member sees by name (Calibration's
/// <c>PanelReading</c>).</item>
/// <item>Administrators read the directory and the audit log, not people's records; the audit log leaves out, for an
/// administrator who sits on a blind panel, the events that tie that session's candidates to their labels.</item>
/// </list>
/// A session that closes ends every named reading through it; only its name-free record stays.
/// <para>
/// People comes before the features that grant more readers (features depend one way, docs/architecture.md), so a later
/// feature adds its readers by implementing <see cref="INamedReadingGrant"/> (Calibration: a panel member who sees the
/// candidate by name in a session that is not closed). Every implementation in Core is part of the rule; it is found
/// once, as the host finds the use cases (ADR 0011).
/// </para>
/// </summary>
public static class RecordAccess
{
    private static readonly IReadOnlyList<INamedReadingGrant> Grants = typeof(RecordAccess).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INamedReadingGrant).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (INamedReadingGrant)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>The people whose record <paramref name="readerId"/> may read by name today.</summary>
    public static IQueryable<int> NamedReadable(GrowthDbContext db, int readerId, DateOnly today)
    {
        var reviewable = ReviewAuthority.OverseenPeople(db, readerId, today).Select(p => p.Id);
        var granted = Grants.Select(g => g.PeopleReadableBy(db, readerId)).Aggregate((IQueryable<int>?)null, (all, next) => all is null ? next : all.Concat(next));
        return granted is null
            ? db.People.Where(p => p.Id == readerId || reviewable.Contains(p.Id)).Select(p => p.Id)
            : db.People.Where(p => p.Id == readerId || reviewable.Contains(p.Id) || granted.Contains(p.Id)).Select(p => p.Id);
    }
}

/// <summary>
/// Readers by name that a feature after People adds to <see cref="RecordAccess"/>: a public class with a parameterless
/// constructor; every one in Core takes part in every check.
/// </summary>
public interface INamedReadingGrant
{
    /// <summary>The people whose record <paramref name="readerId"/> may read by name through this grant (a query, run inside the check's own).</summary>
    IQueryable<int> PeopleReadableBy(GrowthDbContext db, int readerId);
}
