using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Gap;

/// <summary>An item of a team member with its gap state, counted as the gap view counts it (<see cref="GetGap.StateOf"/>).</summary>
internal sealed record TeamItem(int PersonId, int StatementId, ItemStatus Status, bool NeedsReconfirmation, GapState State);

/// <summary>The items of several people with their gap states, in one query (the team view and the heatmap).</summary>
internal static class TeamItems
{
    public static async Task<ILookup<int, TeamItem>> ReadAsync(GrowthDbContext db, IReadOnlyCollection<int> people, CancellationToken cancellationToken)
    {
        var supporting = SupportingEvidence.Current(db);
        var items = await db.ChecklistItems.AsNoTracking()
            .Where(i => people.Contains(i.PersonId))
            .Select(i => new { i.PersonId, i.StatementId, i.Status, i.Rating, i.NeedsReconfirmation, Evidence = supporting.Count(s => s.ChecklistItemId == i.Id) })
            .ToListAsync(cancellationToken);
        return items
            .Select(i => new TeamItem(i.PersonId, i.StatementId, i.Status, i.NeedsReconfirmation, GetGap.StateOf(i.Status, i.Rating, i.NeedsReconfirmation, i.Evidence)))
            .ToLookup(i => i.PersonId);
    }
}
