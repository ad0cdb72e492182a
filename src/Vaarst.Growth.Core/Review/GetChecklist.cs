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

/// <summary>The signed-in engineer's checklist for one level: All + their specialism, grouped by section and area.</summary>
public sealed class GetChecklist(IDbContextFactory<GrowthDbContext> dbFactory)
{
    /// <summary>The checklist page compares with it; the value is <see cref="Person.DefaultTargetLevel"/>.</summary>
    public const int DefaultTargetLevel = Person.DefaultTargetLevel;

    public async Task<ChecklistView> HandleAsync(Actor actor, GetChecklistRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.Name, p.CraftId, CraftName = p.Craft != null ? p.Craft.Name : null, p.Specialism, p.TargetLevel })
            .SingleAsync(cancellationToken);
        if (me.CraftId is not { } craftId)
        {
            return new ChecklistView(me.Name, null, me.Specialism, me.TargetLevel, null, [], []);
        }

        var levels = await db.Levels.AsNoTracking()
            .Where(l => l.CraftId == craftId)
            .OrderBy(l => l.Number)
            .Select(l => new { l.Id, Level = new ChecklistLevel(l.Number, l.Title) })
            .ToListAsync(cancellationToken);
        var wanted = request.LevelNumber ?? me.TargetLevel ?? Person.DefaultTargetLevel;
        var level = levels.FirstOrDefault(l => l.Level.Number == wanted);
        if (level is null)
        {
            return new ChecklistView(me.Name, me.CraftName, me.Specialism, me.TargetLevel, null, levels.Select(l => l.Level).ToList(), []);
        }

        var sections = await LevelContent.ReadAsync(db, [level.Id], me.Specialism, cancellationToken);

        var statementIds = sections.SelectMany(s => s.Areas).SelectMany(a => a.Statements).Select(s => s.Id).ToList();
        var supporting = SupportingEvidence.Current(db);
        var items = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.PersonId == personId && statementIds.Contains(i.StatementId))
            .Select(i => new
            {
                i.Id, i.StatementId, i.Version, i.Rating, i.NotApplicableReason, i.Status, i.NeedsReconfirmation, i.ReconfirmationReason,
                Evidence = supporting.Count(s => s.ChecklistItemId == i.Id),
            })
            .ToDictionaryAsync(i => i.StatementId, cancellationToken);

        // The latest review comment per item, read from this person's decisions only: as a per-item "first comment"
        // inside the query above, SQLite numbered every commented decision of the organisation (ROW_NUMBER over all
        // of ReviewDecisions) on each call (docs/performance.md).
        var latest = (await db.ReviewDecisions.AsNoTracking()
                .Where(d => d.ChecklistItem!.PersonId == personId && d.Comment != null)
                .Select(d => new { d.ChecklistItemId, d.Comment, Reviewer = d.Reviewer!.Name, d.DecidedAtUtc, d.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.ChecklistItemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id).First());

        // The quality prompts of the items the engineer may still submit (EvidenceQuality).
        var prompts = await OpenItemPrompts.ReadAsync(db, personId, cancellationToken);

        // Colleagues' answers on the item's evidence: "corroborated by 2 · disputed by 0".
        var answers = (await db.Corroborations.AsNoTracking()
                .Where(c => c.Evidence!.OwnerId == personId && !c.Evidence.IsArchived
                    && (c.Status == CorroborationStatus.Confirmed || c.Status == CorroborationStatus.Disputed))
                .Join(db.EvidenceSupports, c => c.EvidenceId, s => s.EvidenceId, (c, s) => new { s.ChecklistItemId, c.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ChecklistItemId, a => a.Status);

        var view = sections.Select(s => new ChecklistSection(s.Name, s.AppliesToAll, s.Areas.Select(a => new ChecklistArea(a.Id, a.Name, a.Anchor, a.IsDefined,
            a.IsDefined
                ? a.Statements.Select(st =>
                {
                    if (!items.TryGetValue(st.Id, out var i))
                    {
                        return new ChecklistRow(st.Id, st.Text, null, 0, SelfRating.NotStarted, null, ChecklistStatus.Draft, 0, null, null, null, null);
                    }

                    var comment = latest.GetValueOrDefault(i.Id);
                    return new ChecklistRow(st.Id, st.Text, i.Id, i.Version, i.Rating, i.NotApplicableReason, ChecklistStatuses.Of(i.Status, i.NeedsReconfirmation),
                        i.Evidence, comment?.Comment, comment?.Reviewer, comment?.DecidedAtUtc, i.NeedsReconfirmation ? i.ReconfirmationReason : null,
                        prompts.GetValueOrDefault(i.Id),
                        answers[i.Id].Count(a => a == CorroborationStatus.Confirmed), answers[i.Id].Count(a => a == CorroborationStatus.Disputed));
                }).ToList()
                : [])).ToList())).ToList();

        return new ChecklistView(me.Name, me.CraftName, me.Specialism, me.TargetLevel, level.Level, levels.Select(l => l.Level).ToList(), view);
    }
}
