using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Generation;

/// <summary>What the generator wrote, and who to act as when exercising it (tests, benchmarks, load scripts).</summary>
/// <param name="Managers">Line managers of engineers, each with about <see cref="GeneratorOptions.ReportsPerManager"/> reports.</param>
/// <param name="Sessions">Calibration sessions, oldest first; the last is open for nominations, the one before it in session.</param>
public sealed record GeneratedOrganisation(
    GeneratedCounts Counts,
    TimeSpan Elapsed,
    IReadOnlyList<Actor> Administrators,
    IReadOnlyList<Actor> Managers,
    IReadOnlyList<Actor> Engineers,
    IReadOnlyList<Actor> PanelMembers,
    IReadOnlyList<GeneratedSession> Sessions);

/// <param name="NominationIds">In alias order (Candidate A first).</param>
public sealed record GeneratedSession(int Id, string Name, int TargetLevel, SessionState State, Actor Chair, IReadOnlyList<int> NominationIds);

public sealed record GeneratedCounts(
    int People,
    int Engineers,
    int Managers,
    int PanelMembers,
    int Administrators,
    int FrameworkPages,
    int Statements,
    int Evidence,
    int EvidenceLinks,
    int ChecklistItems,
    int ReviewDecisions,
    int AuditEvents,
    int Delegations,
    int CalibrationSessions,
    int Nominations,
    int PreReads)
{
    /// <summary>One line per count, for the command line.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"People:               {People} ({Engineers} engineers, {Managers} managers, {PanelMembers} panel members, {Administrators} administrators)";
        yield return $"Framework:            {FrameworkPages} pages, {Statements} statements";
        yield return $"Evidence:             {Evidence} pieces, {EvidenceLinks} links to checklist items";
        yield return $"Checklist items:      {ChecklistItems}";
        yield return $"Review decisions:     {ReviewDecisions}";
        yield return $"Calibration:          {CalibrationSessions} sessions, {Nominations} nominations, {PreReads} pre-reads";
        yield return $"Delegations:          {Delegations}";
        yield return $"Audit events:         {AuditEvents}";
    }
}
