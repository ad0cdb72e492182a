using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>Whether a value lies outside the fences of the rule.</summary>
public enum OutlierFlag
{
    None,
    Low,
    High,
}

/// <summary>Tukey's fences: a value below Q1 − 1.5 × IQR or above Q3 + 1.5 × IQR is an outlier.</summary>
public sealed record OutlierRule(string Measure, double Q1, double Q3, double LowFence, double HighFence)
{
    public string Description => $"{Measure}: outside {LowFence:0.##} – {HighFence:0.##} (Q1 {Q1:0.##}, Q3 {Q3:0.##}, 1.5 × IQR)";

    public OutlierFlag Flag(double value) => value < LowFence ? OutlierFlag.Low : value > HighFence ? OutlierFlag.High : OutlierFlag.None;

    /// <summary>The rule for a set of values, or null when there are too few to say anything.</summary>
    public static OutlierRule? For(string measure, IReadOnlyCollection<double> values, int minimum = 4)
    {
        if (values.Count < minimum)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var iqr = q3 - q1;
        return new OutlierRule(measure, q1, q3, q1 - 1.5 * iqr, q3 + 1.5 * iqr);
    }

    /// <summary>Linear interpolation between closest ranks (the common "type 7" definition).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}

public sealed record ManagerConsistency(int ReviewerId, string Name, int Decisions, int SignOffs, double SignOffRate, double EvidencePerSignOff,
    OutlierFlag RateFlag, OutlierFlag EvidenceFlag);

public sealed record StatementConsistency(int StatementId, string AreaName, string Text, IReadOnlyList<StatementManagerRate> Managers, OutlierRule? Rule);

public sealed record StatementManagerRate(string Name, int Decisions, double SignOffRate, OutlierFlag Flag);

public sealed record ConsistencyReport(
    int Decisions, double OrganisationSignOffRate, double OrganisationEvidencePerSignOff, int MinimumDecisions,
    OutlierRule? RateRule, OutlierRule? EvidenceRule, IReadOnlyList<ManagerConsistency> Managers, IReadOnlyList<StatementConsistency> Statements);

/// <summary>
/// How consistently reviewers judge evidence, from the review data alone (no protected attributes exist here):
/// per reviewer, sign-off rate (sign-offs ÷ first decisions on submissions) and evidence per sign-off against the
/// organisation; per statement, each reviewer's sign-off rate. Outliers are flagged with the rule shown.
/// For administrators and calibration chairs.
/// </summary>
public sealed class GetConsistencyAnalytics(IDbContextFactory<GrowthDbContext> dbFactory)
{
    /// <summary>Reviewers with fewer decisions than this are listed but not used to set or judged by the fences.</summary>
    public const int MinimumDecisions = 5;

    public async Task<ConsistencyReport> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!actor.IsAdministrator && !await db.CalibrationSessions.AnyAsync(s => s.ChairId == me, cancellationToken))
        {
            throw new ForbiddenException("Consistency analytics are for administrators and calibration chairs.");
        }

        // A decision its reviewer undid (UndoDecision names it on its revocation) was taken back, not made: it does not count.
        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.Kind == DecisionKind.SignOff || d.Kind == DecisionKind.RequestChanges)
            .Where(d => !db.ReviewDecisions.Any(u => u.UndoesDecisionId == d.Id))
            .Select(d => new { d.ReviewerId, d.Kind, d.EvidenceCount, d.ChecklistItem!.StatementId })
            .ToListAsync(cancellationToken);
        var names = await db.People.AsNoTracking()
            .Where(p => db.ReviewDecisions.Any(d => d.ReviewerId == p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var statements = await db.Statements.AsNoTracking()
            .Where(s => db.ChecklistItems.Any(i => i.StatementId == s.Id && i.Decisions.Any()))
            .Select(s => new { s.Id, s.Text, Area = s.Area!.Name })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var signOffs = decisions.Where(d => d.Kind == DecisionKind.SignOff).ToList();
        var orgRate = decisions.Count == 0 ? 0 : (double)signOffs.Count / decisions.Count;
        var orgEvidence = signOffs.Count == 0 ? 0 : signOffs.Average(d => d.EvidenceCount);

        var perManager = decisions.GroupBy(d => d.ReviewerId).Select(g =>
        {
            var signed = g.Where(d => d.Kind == DecisionKind.SignOff).ToList();
            return (Id: g.Key, Decisions: g.Count(), SignOffs: signed.Count, Rate: (double)signed.Count / g.Count(),
                Evidence: signed.Count == 0 ? 0 : signed.Average(d => d.EvidenceCount));
        }).ToList();
        var judged = perManager.Where(m => m.Decisions >= MinimumDecisions).ToList();
        var rateRule = OutlierRule.For("Sign-off rate", judged.Select(m => m.Rate).ToList());
        var evidenceRule = OutlierRule.For("Evidence per sign-off", judged.Where(m => m.SignOffs > 0).Select(m => m.Evidence).ToList());
        var managers = perManager
            .Select(m => new ManagerConsistency(m.Id, names.GetValueOrDefault(m.Id, "Unknown"), m.Decisions, m.SignOffs, m.Rate, m.Evidence,
                m.Decisions >= MinimumDecisions ? rateRule?.Flag(m.Rate) ?? OutlierFlag.None : OutlierFlag.None,
                m.Decisions >= MinimumDecisions && m.SignOffs > 0 ? evidenceRule?.Flag(m.Evidence) ?? OutlierFlag.None : OutlierFlag.None))
            .OrderByDescending(m => m.RateFlag != OutlierFlag.None || m.EvidenceFlag != OutlierFlag.None).ThenBy(m => m.Name)
            .ToList();

        var perStatement = decisions.GroupBy(d => d.StatementId).Select(g =>
        {
            var rates = g.GroupBy(d => d.ReviewerId)
                .Select(r => (Name: names.GetValueOrDefault(r.Key, "Unknown"), Decisions: r.Count(), Rate: (double)r.Count(d => d.Kind == DecisionKind.SignOff) / r.Count()))
                .ToList();
            var rule = OutlierRule.For("Sign-off rate", rates.Select(r => r.Rate).ToList());
            var statement = statements.GetValueOrDefault(g.Key);
            return new StatementConsistency(g.Key, statement?.Area ?? "", statement?.Text ?? "(retired statement)",
                rates.OrderBy(r => r.Name).Select(r => new StatementManagerRate(r.Name, r.Decisions, r.Rate, rule?.Flag(r.Rate) ?? OutlierFlag.None)).ToList(), rule);
        })
            .OrderByDescending(s => s.Managers.Any(m => m.Flag != OutlierFlag.None)).ThenBy(s => s.AreaName).ThenBy(s => s.Text)
            .ToList();

        return new ConsistencyReport(decisions.Count, orgRate, orgEvidence, MinimumDecisions, rateRule, evidenceRule, managers, perStatement);
    }
}
