using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Benchmarks;

/// <summary>
/// The read use cases people wait for, each beside a hand-written SQL query (raw ADO.NET on the same SQLite file)
/// that computes the same figures. The ratio use case ÷ baseline is what docs/performance.md tracks.
/// </summary>
[MemoryDiagnoser]
public class ReadUseCaseBenchmarks
{
    private Organisation _org = default!;
    private GetGap _gap = default!;
    private GetMyTeam _team = default!;
    private GetReviewQueue _queue = default!;
    private GetComparison _comparison = default!;
    private GetConsistencyAnalytics _analytics = default!;
    private Actor _engineer = default!;
    private Actor _manager = default!;
    private Actor _chair = default!;
    private Actor _admin = default!;
    private int _sessionId;

    [Params(200, 2000)]
    public int Engineers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _org = await Organisation.OpenAsync(Engineers);
        var time = TimeProvider.System;
        _gap = new GetGap(_org, time);
        _team = new GetMyTeam(_org);
        _queue = new GetReviewQueue(_org, time);
        _comparison = new GetComparison(_org);
        _analytics = new GetConsistencyAnalytics(_org);
        _engineer = _org.Engineer;
        _manager = _org.Manager;
        _admin = _org.Administrator;
        _sessionId = _org.SessionId;
        _chair = _org.Chair;
    }

    [Benchmark(Description = "Gap view (use case)")]
    public Task<GapView> GapView() => _gap.HandleAsync(_engineer, new GetGapRequest());

    // The same reads as GetGap, by hand: the caller's current authority (ADR 0004); the person and their craft's levels; the target (and current) level's sections,
    // areas and statements; the person's items with evidence counts; and the items' decisions for the history.
    [Benchmark(Description = "Gap view (SQL)")]
    public int GapViewSql() => Sql.Rows(_org, """
        SELECT Id, Name, Roles, IsActive, SecurityStamp FROM People WHERE Id = $id;
        SELECT p.Id, p.Name, p.CraftId, c.Name, p.Specialism, p.CurrentLevel, p.TargetLevel
        FROM People p LEFT JOIN Crafts c ON c.Id = p.CraftId
        WHERE p.Id = $id;
        SELECT l.Id, l.Number, l.Title FROM Levels l
        WHERE l.CraftId = (SELECT CraftId FROM People WHERE Id = $id)
        ORDER BY l.Number;
        SELECT s.LevelId, s.Name, s.AppliesToAll, a.Id, a.Name, a.Anchor, a.IsDefined, st.Id, st.Text
        FROM People p
        JOIN Levels l ON l.CraftId = p.CraftId AND (l.Number = COALESCE(p.TargetLevel, 4) OR l.Number = p.CurrentLevel)
        JOIN Sections s ON s.LevelId = l.Id AND s.RetiredInVersionId IS NULL AND (s.AppliesToAll = 1 OR s.Name = p.Specialism)
        JOIN Areas a ON a.SectionId = s.Id AND a.RetiredInVersionId IS NULL
        LEFT JOIN Statements st ON st.AreaId = a.Id AND st.RetiredInVersionId IS NULL
        WHERE p.Id = $id
        ORDER BY s.AppliesToAll DESC, s."Order", a."Order", st."Order";
        SELECT i.Id, i.StatementId, i.Status, i.Rating, i.NeedsReconfirmation, i.SubmittedAtUtc, i.UpdatedAtUtc,
               (SELECT COUNT(*) FROM EvidenceSupports es JOIN Evidence e ON e.Id = es.EvidenceId
                WHERE es.ChecklistItemId = i.Id AND e.IsArchived = 0)
        FROM ChecklistItems i
        WHERE i.PersonId = $id;
        SELECT d.ChecklistItemId, d.Kind, d.DecidedAtUtc
        FROM ReviewDecisions d JOIN ChecklistItems i ON i.Id = d.ChecklistItemId
        WHERE i.PersonId = $id
        ORDER BY d.ChecklistItemId, d.DecidedAtUtc;
        """, _engineer.PersonId!.Value);

    [Benchmark(Description = "Team view (use case)")]
    public Task<IReadOnlyList<TeamMember>> TeamView() => _team.HandleAsync(_manager);

    [Benchmark(Description = "Team view (SQL)")]
    public int TeamViewSql() => Sql.Rows(_org, """
        SELECT p.Id, COUNT(st.Id),
               SUM(CASE WHEN i.Status = 'SignedOff' AND i.NeedsReconfirmation = 0 AND i.Rating <> 'NotApplicable' THEN 1 ELSE 0 END),
               SUM(CASE WHEN i.Status = 'Submitted' THEN 1 ELSE 0 END)
        FROM People p
        JOIN Levels l ON l.CraftId = p.CraftId AND l.Number = COALESCE(p.TargetLevel, 4)
        JOIN Sections s ON s.LevelId = l.Id AND s.RetiredInVersionId IS NULL AND (s.AppliesToAll = 1 OR s.Name = p.Specialism)
        JOIN Areas a ON a.SectionId = s.Id AND a.RetiredInVersionId IS NULL AND a.IsDefined = 1
        JOIN Statements st ON st.AreaId = a.Id AND st.RetiredInVersionId IS NULL
        LEFT JOIN ChecklistItems i ON i.StatementId = st.Id AND i.PersonId = p.Id
        WHERE p.ManagerId = $id AND p.IsActive = 1
        GROUP BY p.Id
        """, _manager.PersonId!.Value);

    [Benchmark(Description = "Review queue (use case)")]
    public Task<ReviewQueue> ReviewQueue() => _queue.HandleAsync(_manager, new GetReviewQueueRequest());

    [Benchmark(Description = "Review queue (SQL)")]
    // What the use case must read: the caller's current authority (ADR 0004: every use case confirms it), then the
    // waiting items of the people they may review today (their reports, and the reports of managers who delegated to them).
    public int ReviewQueueSql() => Sql.Rows(_org, """
        SELECT Id, Name, Roles, IsActive, SecurityStamp FROM People WHERE Id = $id;
        SELECT i.Id, i.Version, i.Status, i.PersonId, p.Name, st.AreaId, a.Name, st.Text, i.Rating,
               (SELECT COUNT(*) FROM EvidenceSupports es JOIN Evidence e ON e.Id = es.EvidenceId WHERE es.ChecklistItemId = i.Id AND e.IsArchived = 0),
               i.SubmittedAtUtc, i.UpdatedAtUtc, i.ReconfirmationReason
        FROM ChecklistItems i
        JOIN People p ON p.Id = i.PersonId
        JOIN Statements st ON st.Id = i.StatementId
        JOIN Areas a ON a.Id = st.AreaId
        WHERE i.PersonId IN (SELECT r.Id FROM People r WHERE r.Id <> $id AND r.ManagerId IN (
                SELECT $id UNION ALL
                SELECT d.ManagerId FROM Delegations d
                WHERE d.DelegateId = $id AND d.EndedEarlyAtUtc IS NULL AND d.StartsOn <= date('now') AND date('now') <= d.EndsOn))
          AND i.Status IN ('Submitted', 'SignedOff') AND (i.Status = 'Submitted' OR i.NeedsReconfirmation = 1)
        ORDER BY COALESCE(i.SubmittedAtUtc, i.UpdatedAtUtc)
        """, _manager.PersonId!.Value);

    [Benchmark(Description = "Calibration comparison (use case)")]
    public Task<Comparison> Comparison() => _comparison.HandleAsync(_chair, _sessionId);

    [Benchmark(Description = "Calibration comparison (SQL)")]
    public int ComparisonSql() => Sql.Rows(_org, """
        SELECT n.Id, s.Name, a.Anchor, COUNT(st.Id),
               SUM(CASE WHEN i.Status = 'SignedOff' AND i.NeedsReconfirmation = 0 AND i.Rating <> 'NotApplicable' THEN 1 ELSE 0 END),
               SUM(CASE WHEN i.NeedsReconfirmation = 1 AND i.Status = 'SignedOff' THEN 1 ELSE 0 END),
               COUNT(DISTINCT e.Id), MAX(e.WorkDate)
        FROM Nominations n
        JOIN CalibrationSessions cs ON cs.Id = n.SessionId
        JOIN People p ON p.Id = n.CandidateId
        JOIN Levels l ON l.CraftId = p.CraftId AND l.Number = cs.TargetLevel
        JOIN Sections s ON s.LevelId = l.Id AND s.RetiredInVersionId IS NULL AND (s.AppliesToAll = 1 OR s.Name = p.Specialism)
        JOIN Areas a ON a.SectionId = s.Id AND a.RetiredInVersionId IS NULL AND a.IsDefined = 1
        JOIN Statements st ON st.AreaId = a.Id AND st.RetiredInVersionId IS NULL
        LEFT JOIN ChecklistItems i ON i.StatementId = st.Id AND i.PersonId = p.Id
        LEFT JOIN EvidenceSupports es ON es.ChecklistItemId = i.Id
        LEFT JOIN Evidence e ON e.Id = es.EvidenceId AND e.IsArchived = 0
        WHERE n.SessionId = $id
        GROUP BY n.Id, s.Name, a.Anchor
        """, _sessionId);

    [Benchmark(Description = "Consistency analytics (use case)")]
    public Task<ConsistencyReport> Analytics() => _analytics.HandleAsync(_admin);

    [Benchmark(Description = "Consistency analytics (SQL)")]
    public int AnalyticsSql() => Sql.Rows(_org, """
        SELECT d.ReviewerId, COUNT(*), SUM(CASE WHEN d.Kind = 'SignOff' THEN 1 ELSE 0 END),
               AVG(CASE WHEN d.Kind = 'SignOff' THEN d.EvidenceCount END)
        FROM ReviewDecisions d
        WHERE d.Kind IN ('SignOff', 'RequestChanges')
        GROUP BY d.ReviewerId;
        SELECT i.StatementId, d.ReviewerId, COUNT(*), SUM(CASE WHEN d.Kind = 'SignOff' THEN 1 ELSE 0 END)
        FROM ReviewDecisions d JOIN ChecklistItems i ON i.Id = d.ChecklistItemId
        WHERE d.Kind IN ('SignOff', 'RequestChanges')
        GROUP BY i.StatementId, d.ReviewerId
        """, 0);
}

/// <summary>Runs a baseline query and reads every row, as a page would.</summary>
internal static class Sql
{
    public static int Rows(Organisation org, string sql, int id)
    {
        using var connection = org.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$id", id));
        using var reader = command.ExecuteReader();
        var rows = 0;
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }

                rows++;
            }
        }
        while (reader.NextResult());

        return rows;
    }
}
