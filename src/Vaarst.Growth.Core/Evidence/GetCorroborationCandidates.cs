using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Colleagues">Whom the engineer may ask: active people of the directory except themselves and their line manager.</param>
/// <param name="Requests">The requests already made for this evidence, newest first, with where each stands today.</param>
public sealed record CorroborationCandidates(int EvidenceId, string EvidenceTitle, IReadOnlyList<CorroborationColleague> Colleagues, IReadOnlyList<CorroborationRequestState> Requests);

/// <param name="Description">What tells colleagues of the same name apart: their specialism or craft and level title.</param>
public sealed record CorroborationColleague(int Id, string Name, string? Description);

public sealed record CorroborationRequestState(string ColleagueName, string? Question, CorroborationStatus Status, string? Note, DateTime RequestedAtUtc, DateTime ExpiresAtUtc, DateTime? AnsweredAtUtc);

/// <summary>For the engineer's own evidence: the colleagues they may ask to corroborate it and the requests made so far.</summary>
public sealed class GetCorroborationCandidates(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<CorroborationCandidates> HandleAsync(Actor actor, int evidenceId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.Id == evidenceId && e.OwnerId == personId)
            .Select(e => new { e.Id, e.Title, e.Owner!.ManagerId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That evidence is not in your evidence library.");
        var colleagues = await db.People.AsNoTracking()
            .Where(p => p.IsActive && p.Id != personId && p.Id != evidence.ManagerId && p.Roles != Roles.None)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.Specialism, Craft = p.Craft != null ? p.Craft.Name : null,
                Level = db.Levels.Where(l => l.CraftId == p.CraftId && l.Number == p.CurrentLevel).Select(l => l.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var requests = await db.Corroborations.AsNoTracking().Where(c => c.EvidenceId == evidenceId)
            .OrderByDescending(c => c.RequestedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.Colleague!.Name, c.Question, c.Status, c.ExpiresAtUtc, c.Note, c.RequestedAtUtc, c.AnsweredAtUtc })
            .ToListAsync(cancellationToken);
        return new CorroborationCandidates(evidence.Id, evidence.Title,
            colleagues.Select(c => new CorroborationColleague(c.Id, c.Name,
                string.Join(" · ", new[] { c.Specialism ?? c.Craft, c.Level }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } d ? d : null)).ToList(),
            requests.Select(r => new CorroborationRequestState(r.Name, r.Question,
                r.Status == CorroborationStatus.Requested && now >= r.ExpiresAtUtc ? CorroborationStatus.Expired : r.Status,
                r.Note, r.RequestedAtUtc, r.ExpiresAtUtc, r.AnsweredAtUtc)).ToList());
    }
}
