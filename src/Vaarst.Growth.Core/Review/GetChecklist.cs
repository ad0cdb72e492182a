using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <param name="LevelNumber">The level to show; null for the engineer's target level (Level 4 when none is set).</param>
public sealed record GetChecklistRequest(int? LevelNumber = null);

public sealed record ChecklistView(
    string PersonName,
    string? CraftName,
    string? Specialism,
    int? TargetLevel,
    ChecklistLevel? Level,
    IReadOnlyList<ChecklistLevel> AvailableLevels,
    IReadOnlyList<ChecklistSection> Sections)
{
    [JsonIgnore] public IEnumerable<ChecklistRow> Rows => Sections.SelectMany(s => s.Areas).SelectMany(a => a.Rows);

    /// <summary>Statements that count: everything except "Not applicable".</summary>
    [JsonIgnore] public int Applicable => Rows.Count(r => r.Rating != SelfRating.NotApplicable);

    [JsonIgnore] public int SignedOff => Rows.Count(r => r.Status == ChecklistStatus.SignedOff && r.Rating != SelfRating.NotApplicable);

    /// <summary>How many statements are in each status, in the order of <see cref="ChecklistStatus"/>; statuses with none are left out.</summary>
    [JsonIgnore] public IReadOnlyList<KeyValuePair<ChecklistStatus, int>> StatusCounts =>
        Enum.GetValues<ChecklistStatus>().Select(s => KeyValuePair.Create(s, Rows.Count(r => r.Status == s))).Where(c => c.Value > 0).ToList();
}

public sealed record ChecklistLevel(int Number, string Title);

public sealed record ChecklistSection(string Name, bool AppliesToAll, IReadOnlyList<ChecklistArea> Areas);

public sealed record ChecklistArea(int Id, string Name, string Anchor, bool IsDefined, IReadOnlyList<ChecklistRow> Rows)
{
    /// <summary>Statements that count: everything except "Not applicable".</summary>
    [JsonIgnore] public int Applicable => Rows.Count(r => r.Rating != SelfRating.NotApplicable);

    [JsonIgnore] public int SignedOff => Rows.Count(r => r.Status == ChecklistStatus.SignedOff && r.Rating != SelfRating.NotApplicable);
}

/// <param name="ItemId">Null until the engineer first rates the statement or attaches evidence to it.</param>
/// <param name="Version">The item's concurrency version (0 when there is no item).</param>
public sealed record ChecklistRow(
    int StatementId,
    string Text,
    int? ItemId,
    int Version,
    SelfRating Rating,
    string? NotApplicableReason,
    ChecklistStatus Status,
    int EvidenceCount,
    string? LatestComment,
    string? LatestCommentBy,
    DateTime? LatestCommentAtUtc,
    string? ReconfirmationReason,
    IReadOnlyList<EvidencePromptKind>? Prompts = null,
    int Corroborated = 0,
    int Disputed = 0)
{
    /// <summary>The quality prompts its evidence trips (drafts and items with changes requested only): hints, never blocking.</summary>
    [JsonIgnore] public IReadOnlyList<EvidencePromptKind> EvidencePrompts => Prompts ?? [];
}

/// <summary>
/// The signed-in engineer's checklist for one level: All + their specialism, grouped by section and area. Two compiled
/// queries of flat rows, grouped in memory (as <see cref="Calibration.GetComparison"/> does): the person with their
/// craft's levels, then the level's statements with the engineer's item, its evidence and its latest review comment.
/// Seven separate LINQ queries (person, levels, content, items, comments, prompts, corroborations) spent most of the
/// use case in EF's per-query pipeline (docs/performance.md, issue #15).
/// </summary>
public sealed class GetChecklist(IDbContextFactory<GrowthDbContext> dbFactory)
{
    /// <summary>The checklist page compares with it; the value is <see cref="Person.DefaultTargetLevel"/>.</summary>
    public const int DefaultTargetLevel = Person.DefaultTargetLevel;

    public async Task<ChecklistView> HandleAsync(Actor actor, GetChecklistRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One row per level of the person's craft (one row with no level when they have none).
        var personLevels = new List<PersonLevel>();
        await foreach (var row in PersonAndLevels.For(db)(db, personId).WithCancellation(cancellationToken))
        {
            personLevels.Add(row);
        }

        var me = personLevels.First();
        if (me.CraftId is null)
        {
            return new ChecklistView(me.Name, null, me.Specialism, me.TargetLevel, null, [], []);
        }

        var levels = personLevels.Where(l => l.LevelId is not null).OrderBy(l => l.Number).ToList();
        var available = levels.Select(l => new ChecklistLevel(l.Number!.Value, l.Title!)).ToList();
        var wanted = request.LevelNumber ?? me.TargetLevel ?? Person.DefaultTargetLevel;
        if (levels.FirstOrDefault(l => l.Number == wanted) is not { LevelId: { } levelId } level)
        {
            return new ChecklistView(me.Name, me.CraftName, me.Specialism, me.TargetLevel, null, available, []);
        }

        var rows = new List<Row>();
        await foreach (var row in Content.For(db)(db, levelId, me.Specialism, personId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        var sections = rows
            .GroupBy(r => (r.SectionId, r.SectionName, r.AppliesToAll, r.SectionOrder))
            .OrderBy(s => s.Key.AppliesToAll ? 0 : 1).ThenBy(s => s.Key.SectionOrder).ThenBy(s => s.Key.SectionId)
            .Select(s => new ChecklistSection(s.Key.SectionName, s.Key.AppliesToAll, s
                .GroupBy(r => (r.AreaId, r.AreaName, r.Anchor, r.IsDefined, r.AreaOrder))
                .OrderBy(a => a.Key.AreaOrder).ThenBy(a => a.Key.AreaId)
                .Select(a => new ChecklistArea(a.Key.AreaId, a.Key.AreaName, a.Key.Anchor, a.Key.IsDefined, a.Key.IsDefined
                    ? a.Where(r => r.StatementId is not null)
                        .GroupBy(r => r.StatementId!.Value)
                        .OrderBy(st => st.First().StatementOrder).ThenBy(st => st.Key)
                        .Select(RowOf)
                        .ToList()
                    : []))
                .ToList()))
            .ToList();

        return new ChecklistView(me.Name, me.CraftName, me.Specialism, me.TargetLevel, new ChecklistLevel(level.Number!.Value, level.Title!), available, sections);
    }

    /// <summary>A statement's row from its flat rows: one per link to a piece of evidence (one with none when it has no link).</summary>
    private static ChecklistRow RowOf(IGrouping<int, Row> statement)
    {
        var first = statement.First();
        if (first.ItemId is not { } itemId)
        {
            return new ChecklistRow(statement.Key, first.StatementText!, null, 0, SelfRating.NotStarted, null, ChecklistStatus.Draft, 0, null, null, null, null);
        }

        // What counts as the item's evidence: links to evidence that is not archived (SupportingEvidence.IsCurrent).
        var evidence = statement.Where(r => r.EvidenceId is not null && r.Archived == false).ToList();
        var status = first.Status!.Value;
        var needsReconfirmation = first.NeedsReconfirmation == true;
        // The quality prompts of the items the engineer may still submit (EvidenceQuality; as OpenItemPrompts reads them).
        var prompts = status is ItemStatus.Draft or ItemStatus.ChangesRequested && evidence.Count > 0
            ? EvidenceQuality.CheckAll(evidence.Select(e => new EvidenceText(e.Title!, e.Description, e.NoteMarkdown, e.LinkKind)))
            : [];
        return new ChecklistRow(statement.Key, first.StatementText!, itemId, first.Version!.Value, first.Rating!.Value, first.NotApplicableReason,
            ChecklistStatuses.Of(status, needsReconfirmation), evidence.Count, first.LatestComment, first.LatestCommentBy, first.LatestCommentAtUtc,
            needsReconfirmation ? first.ReconfirmationReason : null, prompts.Count > 0 ? prompts : null,
            evidence.Sum(e => e.Confirmed), evidence.Sum(e => e.Disputed));
    }

    private sealed record PersonLevel(string Name, int? CraftId, string? CraftName, string? Specialism, int? TargetLevel, int? LevelId, int? Number, string? Title);

    private static readonly CompiledPerModel<Func<GrowthDbContext, int, IAsyncEnumerable<PersonLevel>>> PersonAndLevels = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId) =>
            from p in db.People.AsNoTracking()
            where p.Id == personId
            from l in db.Levels.Where(l => l.CraftId == p.CraftId).DefaultIfEmpty()
            select new PersonLevel(p.Name, p.CraftId, p.Craft != null ? p.Craft.Name : null, p.Specialism, p.TargetLevel, (int?)l!.Id, (int?)l.Number, l.Title)));

    /// <summary>
    /// One row per current statement of the level's applicable sections (one with no statement for an area without any)
    /// and per link from the engineer's item to a piece of evidence. Links are joined plainly and archived evidence is left
    /// out in memory: a filtered derived table on the right of a LEFT JOIN is what SQLite materialises for the whole
    /// organisation (see GetComparison). The latest comment and a link's corroboration counts are correlated subqueries
    /// over indexes (ReviewDecisions by item and time, Corroborations by evidence and status); the evidence's text comes
    /// only for items that may still be submitted, the only ones with quality prompts.
    /// </summary>
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, string?, int, IAsyncEnumerable<Row>>> Content = new(() =>
        EF.CompileAsyncQuery(Applicability.Expand<Func<GrowthDbContext, int, string?, int, IQueryable<Row>>>((db, levelId, specialism, personId) =>
            from a in db.Areas.AsNoTracking()
            where Applicability.AppliesTo(a.Section!, specialism)
                && a.Section!.LevelId == levelId && a.Section.RetiredInVersionId == null && a.RetiredInVersionId == null
            from st in a.Statements.Where(st => st.RetiredInVersionId == null).DefaultIfEmpty()
            from i in db.ChecklistItems.Where(i => i.PersonId == personId && i.StatementId == st!.Id).DefaultIfEmpty()
            from s in db.EvidenceSupports.Where(s => s.ChecklistItemId == i!.Id).DefaultIfEmpty()
            let open = i!.Status == ItemStatus.Draft || i.Status == ItemStatus.ChangesRequested
            select new Row(
                a.SectionId, a.Section!.Name, a.Section!.AppliesToAll, a.Section!.Order,
                a.Id, a.Name, a.Anchor, a.IsDefined, a.Order,
                (int?)st!.Id, st.Text, (int?)st.Order,
                (int?)i.Id, (int?)i.Version, (SelfRating?)i.Rating, i.NotApplicableReason, (ItemStatus?)i.Status, (bool?)i.NeedsReconfirmation, i.ReconfirmationReason,
                db.ReviewDecisions.Where(d => d.ChecklistItemId == i.Id && d.Comment != null).OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
                    .Select(d => d.Comment).FirstOrDefault(),
                db.ReviewDecisions.Where(d => d.ChecklistItemId == i.Id && d.Comment != null).OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
                    .Select(d => d.Reviewer!.Name).FirstOrDefault(),
                db.ReviewDecisions.Where(d => d.ChecklistItemId == i.Id && d.Comment != null).OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
                    .Select(d => (DateTime?)d.DecidedAtUtc).FirstOrDefault(),
                (int?)s!.EvidenceId, (bool?)s.Evidence!.IsArchived,
                open ? s.Evidence.Title : null, open ? s.Evidence.Description : null, open ? s.Evidence.NoteMarkdown : null, open ? s.Evidence.LinkKind : null,
                db.Corroborations.Count(c => c.EvidenceId == s.EvidenceId && c.Status == CorroborationStatus.Confirmed && c.Evidence!.OwnerId == personId),
                db.Corroborations.Count(c => c.EvidenceId == s.EvidenceId && c.Status == CorroborationStatus.Disputed && c.Evidence!.OwnerId == personId)))));

    private sealed record Row(
        int SectionId, string SectionName, bool AppliesToAll, int SectionOrder,
        int AreaId, string AreaName, string Anchor, bool IsDefined, int AreaOrder,
        int? StatementId, string? StatementText, int? StatementOrder,
        int? ItemId, int? Version, SelfRating? Rating, string? NotApplicableReason, ItemStatus? Status, bool? NeedsReconfirmation, string? ReconfirmationReason,
        string? LatestComment, string? LatestCommentBy, DateTime? LatestCommentAtUtc,
        int? EvidenceId, bool? Archived, string? Title, string? Description, string? NoteMarkdown, string? LinkKind,
        int Confirmed, int Disputed);
}
