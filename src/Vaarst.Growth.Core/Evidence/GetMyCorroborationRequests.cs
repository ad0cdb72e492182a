using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record CorroborationInboxEntry(int Id, string RequesterName, string EvidenceTitle, string? Question, DateTime RequestedAtUtc, DateTime ExpiresAtUtc);

/// <summary>The open requests to corroborate addressed to the signed-in person, oldest first (those about to expire on top).</summary>
public sealed class GetMyCorroborationRequests(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<CorroborationInboxEntry>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Corroborations.AsNoTracking()
            .Where(c => c.ColleagueId == personId && c.Status == CorroborationStatus.Requested && c.ExpiresAtUtc > now)
            .OrderBy(c => c.ExpiresAtUtc).ThenBy(c => c.Id)
            .Select(c => new CorroborationInboxEntry(c.Id, c.Evidence!.Owner!.Name, c.Evidence.Title, c.Question, c.RequestedAtUtc, c.ExpiresAtUtc))
            .ToListAsync(cancellationToken);
    }
}
