using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Gap;

/// <param name="PersonId">Whose gap; null for the caller's own.</param>
/// <param name="LevelNumber">The target level; null for the person's target level (Level 4 when none is set).</param>
public sealed record GetGapRequest(int? PersonId = null, int? LevelNumber = null);

public sealed record GapView(
    int PersonId,
    string PersonName,
    string? CraftName,
    string? Specialism,
    int? CurrentLevel,
    int TargetLevel,
    string? TargetTitle,
    IReadOnlyList<int> ImportedLevels,
    bool CurrentLevelCompared,
    IReadOnlyList<GapSection> Sections,
    GapCounts Overall,
    IReadOnlyList<NextAction> NextActions,
    IReadOnlyList<ReadinessPoint> History)
{
    [JsonIgnore] public bool TargetImported => TargetTitle is not null;

    [JsonIgnore] public IEnumerable<GapArea> Areas => Sections.SelectMany(s => s.Areas);
}

public sealed record GapSection(string Name, bool AppliesToAll, IReadOnlyList<GapArea> Areas);

/// <summary>An area of the target level; an undefined (TODO) area has no statements and no counts.</summary>
public sealed record GapArea(int Id, string Name, string Anchor, bool IsDefined, GapCounts Counts, IReadOnlyList<GapStatement> Statements);

/// <param name="IsNew">Compared with the engineer's current level: true when the statement is new at the target level,
/// false when it continues from the current level, null when the current level's page is not imported.</param>
public sealed record GapStatement(int StatementId, string Text, int? ItemId, GapState State, int EvidenceCount, bool? IsNew);

/// <summary>
/// How far an engineer is from a target level, for those <see cref="RecordAccess"/> lets read the engineer's record by
/// name (calibration dossiers read it through <see cref="ReadAsync"/>, name-free where the session is blind). Computed in two
/// SQL queries of flat rows whatever the size of the organisation — the person with their craft's levels; the target and
/// current levels' content with the person's items and decisions — and a third only when drafts on the target level have
/// evidence (their quality prompts).
/// </summary>
public sealed class GetGap(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<GapView> HandleAsync(Actor actor, GetGapRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        var personId = request.PersonId ?? me;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A person always reads their own record by name (RecordAccess); anyone else through the access check.
        var readable = personId == me ? null : RecordAccess.NamedReadable(db, me, today);
        return await ReadAsync(db, personId, request.LevelNumber, readable, personId == me, cancellationToken)
            ?? throw new NotFoundException("That engineer's gap view does not exist, or you may not see it.");
    }

    /// <summary>
    /// The gap of <paramref name="personId"/>, or null when they do not exist or are not in <paramref name="readable"/>.
    /// A caller that has already decided the reader's access (a calibration dossier) passes null and, for a name-free
    /// view, <paramref name="withName"/> false, so the name is never read.
    /// </summary>
    internal static async Task<GapView?> ReadAsync(GrowthDbContext db, int personId, int? levelNumber, IQueryable<int>? readable, bool own,
        CancellationToken cancellationToken, bool withName = true)
    {
        // Query 1: the person (when the caller may read them) and the craft's imported levels, as flat rows (the person
        // once per level of their craft): a nested level list costs EF a collection shaper per call.
        List<PersonRow> rows;
        if (readable is null && withName)
        {
            rows = [];
            await foreach (var row in PersonRows.For(db)(db, personId).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }
        }
        else
        {
            var people = db.People.AsNoTracking().Where(p => p.Id == personId);
            if (readable is not null)
            {
                people = people.Where(p => readable.Contains(p.Id));
            }

            rows = await (
                    from p in people
                    from l in db.Levels.Where(l => l.CraftId == p.CraftId).DefaultIfEmpty()
                    select new PersonRow(p.Id, withName ? p.Name : "", p.Craft != null ? p.Craft.Name : null, p.Specialism, p.CurrentLevel, p.TargetLevel,
                        (int?)l!.Id, (int?)l.Number, l.Title))
                .ToListAsync(cancellationToken);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var person = rows[0];
        var levels = rows.Where(r => r.LevelId is not null).Select(r => new LevelRow(r.LevelId!.Value, r.LevelNumber!.Value, r.LevelTitle!))
            .OrderBy(l => l.Number).ToList();

        var target = levelNumber ?? person.TargetLevel ?? Person.DefaultTargetLevel;
        var targetLevel = levels.FirstOrDefault(l => l.Number == target);
        var currentLevel = person.CurrentLevel is { } c && c != target ? levels.FirstOrDefault(l => l.Number == c) : null;
        var imported = levels.Select(l => l.Number).ToList();
        if (targetLevel is null)
        {
            return new GapView(person.Id, person.Name, person.CraftName, person.Specialism, person.CurrentLevel, target, null, imported, false,
                [], GapCounts.Empty, [], []);
        }

        // Query 2, flat rows: the sections, areas and statements of the target level (and the current level, to compare)
        // that apply to the person, once per statement (or area without one), with the person's item on it and each of
        // the item's decisions (for the history). Grouped here, as the comparison does: nested collections cost EF a
        // shaper per collection per call, and separate reads a round trip each (docs/performance.md).
        // Two scalar level ids (the target's twice when there is no current level to compare): a list parameter would make
        // EF build the SQL again on every call.
        var content = new List<ContentRow>();
        await foreach (var row in ContentRows.For(db)(db, targetLevel.Id, currentLevel?.Id ?? targetLevel.Id, person.Specialism, personId)
                           .WithCancellation(cancellationToken))
        {
            content.Add(row);
        }

        // The person's items on the statements read, each with its decisions in order.
        var items = content.Where(r => r.ItemId is not null).GroupBy(r => r.ItemId!.Value).OrderBy(g => g.Key).Select(g =>
        {
            var i = g.First();
            return new PersonItem(i.ItemId!.Value, i.StatementId!.Value, i.Status!.Value, i.Rating!.Value, i.NeedsReconfirmation!.Value, i.SubmittedAtUtc,
                i.UpdatedAtUtc!.Value, i.Evidence!.Value,
                g.Where(r => r.Kind is not null).OrderBy(r => r.DecidedAtUtc).ThenBy(r => r.DecisionId)
                    .Select(r => (Kind: r.Kind!.Value, DecidedAtUtc: r.DecidedAtUtc!.Value)).ToList());
        }).ToList();
        var itemByStatement = items.ToDictionary(i => i.StatementId);

        // Sections "All" first, then in page order; areas and statements in page order (LevelContent's order).
        var grouped = content
            .GroupBy(r => (r.LevelId, r.SectionId))
            .OrderBy(s => s.First().AppliesToAll ? 0 : 1).ThenBy(s => s.First().SectionOrder).ThenBy(s => s.Key.SectionId)
            .Select(s => (s.Key.LevelId, Section: s.First(), Areas: s
                .GroupBy(r => r.AreaId)
                .OrderBy(a => a.First().AreaOrder).ThenBy(a => a.Key)
                .Select(a => (Area: a.First(), Statements: a
                    .Where(r => r.StatementId is not null).DistinctBy(r => r.StatementId)
                    .OrderBy(r => r.StatementOrder).ThenBy(r => r.StatementId)
                    .ToList()))
                .ToList()))
            .ToList();

        var continuing = grouped.Where(s => currentLevel is not null && s.LevelId == currentLevel.Id)
            .SelectMany(s => s.Areas.SelectMany(a => a.Statements.Select(st => (s.Section.SectionName, a.Area.Anchor, st.StatementText))))
            .ToHashSet();
        var sections = grouped.Where(s => s.LevelId == targetLevel.Id).Select(s => new GapSection(s.Section.SectionName, s.Section.AppliesToAll, s.Areas.Select(a =>
        {
            var area = a.Area;
            var statements = area.IsDefined
                ? a.Statements.Select(st =>
                {
                    itemByStatement.TryGetValue(st.StatementId!.Value, out var item);
                    var state = item is null ? GapState.NotStarted : StateOf(item.Status, item.Rating, item.NeedsReconfirmation, item.Evidence);
                    return new GapStatement(st.StatementId!.Value, st.StatementText!, item?.Id, state, item?.Evidence ?? 0,
                        currentLevel is null ? null : !continuing.Contains((s.Section.SectionName, area.Anchor, st.StatementText)));
                }).ToList()
                : [];
            return new GapArea(area.AreaId, area.AreaName, area.Anchor, area.IsDefined, GapCounts.Of(statements.Select(x => x.State)), statements);
        }).ToList())).ToList();

        var overall = sections.SelectMany(s => s.Areas).Aggregate(GapCounts.Empty, (sum, area) => sum.Add(area.Counts));
        var targetStatements = sections.SelectMany(s => s.Areas).SelectMany(a => a.Statements).Select(st => st.StatementId).ToHashSet();
        var history = History(items.Where(i => targetStatements.Contains(i.StatementId)).SelectMany(i => i.Decisions.Select(d => (i.Id, d.Kind, d.DecidedAtUtc))),
            overall.Applicable);

        // Query 3, only when the target level has drafts with evidence: the quality prompts their evidence trips
        // ("strengthen evidence").
        var weak = items.Any(i => i.Status == ItemStatus.Draft && i.Evidence > 0 && targetStatements.Contains(i.StatementId))
            ? await OpenItemPrompts.ReadAsync(db, personId, cancellationToken)
            : new Dictionary<int, IReadOnlyList<EvidencePromptKind>>();

        // Next actions come from the finished projection, not as a side effect of building it.
        var ordered = sections.SelectMany(s => s.Areas).SelectMany(a => a.Statements.Select(st => (Area: a, Statement: st)))
            .Select(x =>
            {
                var item = x.Statement.ItemId is null ? null : itemByStatement[x.Statement.StatementId];
                var kind = NextActionOf(x.Statement.State, item?.Status, x.Statement.EvidenceCount)
                    ?? (item is { Status: ItemStatus.Draft } && weak.ContainsKey(item.Id) ? NextActionKind.StrengthenEvidence : null);
                var link = item is null ? "/checklist" : own ? $"/checklist/items/{item.Id}" : $"/reviews/items/{item.Id}";
                return kind is { } k
                    ? new NextAction(k, x.Statement.StatementId, item?.Id, x.Area.Name, x.Statement.Text,
                        k == NextActionKind.WaitingForReview ? item!.SubmittedAtUtc : item?.UpdatedAtUtc, link)
                    : null;
            })
            .OfType<NextAction>()
            .OrderBy(a => a.Kind)
            .ThenBy(a => a.Kind == NextActionKind.WaitingForReview ? a.SinceUtc : null)
            .ToList();
        return new GapView(person.Id, person.Name, person.CraftName, person.Specialism, person.CurrentLevel, target, targetLevel.Title, imported,
            currentLevel is not null, sections, overall, ordered, history);
    }

    // Compiled (once per model) for the common case, a person reading their own gap; the same projection as the LINQ
    // query above, which other readers run with the access check (RecordAccess) composed in.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, IAsyncEnumerable<PersonRow>>> PersonRows = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId) =>
            from p in db.People.AsNoTracking().Where(p => p.Id == personId)
            from l in db.Levels.Where(l => l.CraftId == p.CraftId).DefaultIfEmpty()
            select new PersonRow(p.Id, p.Name, p.Craft != null ? p.Craft.Name : null, p.Specialism, p.CurrentLevel, p.TargetLevel,
                (int?)l!.Id, (int?)l.Number, l.Title)));

    private sealed record PersonRow(int Id, string Name, string? CraftName, string? Specialism, int? CurrentLevel, int? TargetLevel,
        int? LevelId, int? LevelNumber, string? LevelTitle);

    // Compiled (once per model): the gap view is read on every gap page, dossier and calibration packet. The level
    // content as LevelContent reads it (current sections, areas and statements that apply), joined with the
    // person's items and their decisions.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, int, string?, int, IAsyncEnumerable<ContentRow>>> ContentRows = new(() =>
        EF.CompileAsyncQuery(Applicability.Expand<Func<GrowthDbContext, int, int, string?, int, IQueryable<ContentRow>>>((db, targetLevelId, currentLevelId, specialism, personId) =>
            from a in db.Areas.AsNoTracking()
            where Applicability.AppliesTo(a.Section!, specialism)
                && (a.Section!.LevelId == targetLevelId || a.Section.LevelId == currentLevelId) && a.Section.RetiredInVersionId == null && a.RetiredInVersionId == null
            from st in a.Statements.Where(st => st.RetiredInVersionId == null).DefaultIfEmpty()
            from i in db.ChecklistItems.Where(i => i.PersonId == personId && i.StatementId == st!.Id).DefaultIfEmpty()
            from d in db.ReviewDecisions.Where(d => d.ChecklistItemId == i!.Id).DefaultIfEmpty()
            select new ContentRow(
                a.Section!.LevelId, a.SectionId, a.Section.Name, a.Section.AppliesToAll, a.Section.Order,
                a.Id, a.Name, a.Anchor, a.IsDefined, a.Order,
                (int?)st!.Id, st.Text, (int?)st.Order,
                (int?)i!.Id, (ItemStatus?)i.Status, (SelfRating?)i.Rating, (bool?)i.NeedsReconfirmation, i.SubmittedAtUtc, (DateTime?)i.UpdatedAtUtc,
                i == null ? null : (int?)db.EvidenceSupports.Where(SupportingEvidence.IsCurrent).Count(s => s.ChecklistItemId == i.Id),
                (int?)d!.Id, (DecisionKind?)d.Kind, (DateTime?)d.DecidedAtUtc))));

    private sealed record ContentRow(
        int LevelId, int SectionId, string SectionName, bool AppliesToAll, int SectionOrder,
        int AreaId, string AreaName, string Anchor, bool IsDefined, int AreaOrder,
        int? StatementId, string? StatementText, int? StatementOrder,
        int? ItemId, ItemStatus? Status, SelfRating? Rating, bool? NeedsReconfirmation, DateTime? SubmittedAtUtc, DateTime? UpdatedAtUtc, int? Evidence,
        int? DecisionId, DecisionKind? Kind, DateTime? DecidedAtUtc);

    private sealed record LevelRow(int Id, int Number, string Title);

    private sealed record PersonItem(int Id, int StatementId, ItemStatus Status, SelfRating Rating, bool NeedsReconfirmation, DateTime? SubmittedAtUtc,
        DateTime UpdatedAtUtc, int Evidence, List<(DecisionKind Kind, DateTime DecidedAtUtc)> Decisions);

    /// <summary>What the engineer (or their reviewer) should do next about a statement, if anything.</summary>
    private static NextActionKind? NextActionOf(GapState state, ItemStatus? status, int evidence) => state switch
    {
        _ when status == ItemStatus.ChangesRequested => NextActionKind.ChangesRequested,
        GapState.NeedsReconfirmation => NextActionKind.NeedsReconfirmation,
        GapState.Submitted => NextActionKind.WaitingForReview,
        GapState.NotStarted or GapState.InProgress when evidence == 0 => NextActionKind.NoEvidence,
        _ => null,
    };

    /// <summary>The state a statement shows in the gap view.</summary>
    public static GapState StateOf(ItemStatus status, SelfRating rating, bool needsReconfirmation, int evidence) => (status, rating) switch
    {
        (_, SelfRating.NotApplicable) => GapState.NotApplicable,
        (ItemStatus.SignedOff, _) when needsReconfirmation => GapState.NeedsReconfirmation,
        (ItemStatus.SignedOff, _) => GapState.SignedOff,
        (ItemStatus.Submitted, _) => GapState.Submitted,
        (ItemStatus.ChangesRequested, _) => GapState.InProgress,
        (_, SelfRating.NotStarted) when evidence == 0 => GapState.NotStarted,
        _ => GapState.InProgress,
    };

    /// <summary>Replays sign-offs and revocations into one point per day: how many statements were signed off then.</summary>
    public static IReadOnlyList<ReadinessPoint> History(IEnumerable<(int ItemId, DecisionKind Kind, DateTime AtUtc)> decisions, int applicable)
    {
        var signed = new HashSet<int>();
        var points = new SortedDictionary<DateOnly, int>();
        foreach (var (itemId, kind, at) in decisions.OrderBy(d => d.AtUtc))
        {
            if (kind is DecisionKind.SignOff or DecisionKind.Reconfirm)
            {
                signed.Add(itemId);
            }
            else if (kind == DecisionKind.Revoke)
            {
                signed.Remove(itemId);
            }
            else
            {
                continue;
            }

            points[DateOnly.FromDateTime(at)] = signed.Count;
        }

        return points.Select(p => new ReadinessPoint(p.Key, p.Value, applicable == 0 ? 0 : (int)Math.Round(100.0 * p.Value / applicable))).ToList();
    }
}
