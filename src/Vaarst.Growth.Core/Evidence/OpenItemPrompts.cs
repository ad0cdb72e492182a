using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// The quality prompts (<see cref="EvidenceQuality"/>) of the items an engineer may still submit (drafts and items with
/// changes requested), by item id, read in one query: the gap view turns them into "strengthen evidence" next actions
/// (the checklist applies the same rule to the evidence it reads in its own flat query, <see cref="Review.GetChecklist"/>).
/// Items whose evidence trips no prompt are left out.
/// </summary>
public static class OpenItemPrompts
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidencePromptKind>>> ReadAsync(GrowthDbContext db, int personId, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await foreach (var row in Query.For(db)(db, personId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows
            .GroupBy(s => s.ChecklistItemId)
            .Select(g => (g.Key, Prompts: EvidenceQuality.CheckAll(g.Select(e => new EvidenceText(e.Title, e.Description, e.NoteMarkdown, e.LinkKind)))))
            .Where(x => x.Prompts.Count > 0)
            .ToDictionary(x => x.Key, x => x.Prompts);
    }

    // Compiled (once per model): the gap view reads it on every page whose drafts have evidence, and
    // as plain LINQ EF built its SQL again on every call (a quarter of the gap view's time; docs/performance.md).
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId) => db.EvidenceSupports.AsNoTracking()
            .Where(SupportingEvidence.IsCurrent)
            .Where(s => s.ChecklistItem!.PersonId == personId
                && (s.ChecklistItem.Status == ItemStatus.Draft || s.ChecklistItem.Status == ItemStatus.ChangesRequested))
            .Select(s => new Row(s.ChecklistItemId, s.Evidence!.Title, s.Evidence.Description, s.Evidence.NoteMarkdown, s.Evidence.LinkKind))));

    private sealed record Row(int ChecklistItemId, string Title, string? Description, string? NoteMarkdown, string? LinkKind);
}
