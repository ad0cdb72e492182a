using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Evidence">Only that piece of evidence, with the statements it supports; nobody else's answers.</param>
public sealed record CorroborationRequestView(
    int Id, int Version, string RequesterName, string? Question, CorroborationStatus Status, string? Note,
    DateTime RequestedAtUtc, DateTime ExpiresAtUtc, DateTime? AnsweredAtUtc, EvidenceView Evidence);

/// <summary>
/// A request to corroborate, for the colleague it is addressed to (anyone else: not found). They see only that evidence
/// and the statements it supports, never the rest of the engineer's record.
/// </summary>
public sealed class GetCorroborationRequest(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<CorroborationRequestView> HandleAsync(Actor actor, int corroborationId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Corroborations.AsNoTracking()
            .Where(c => c.Id == corroborationId && c.ColleagueId == personId)
            .Select(c => new { Row = c, Requester = c.Evidence!.Owner!.Name })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That request to corroborate is not addressed to you.");
        var c = request.Row;
        var evidence = (await EvidenceView.ReadAsync(db, db.Evidence.AsNoTracking().Where(e => e.Id == c.EvidenceId), colleagueNames: false, cancellationToken)).Single();
        return new CorroborationRequestView(c.Id, c.Version, request.Requester, c.Question, c.StatusAt(time.GetUtcNow().UtcDateTime), c.Note,
            c.RequestedAtUtc, c.ExpiresAtUtc, c.AnsweredAtUtc, evidence with { Corroborations = [] });
    }
}
