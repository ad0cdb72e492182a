using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Question">Optional, e.g. "Can you confirm my role in the rollout?".</param>
public sealed record RequestCorroborationRequest(int EvidenceId, IReadOnlyCollection<int> ColleagueIds, string? Question = null);

/// <summary>
/// The engineer asks colleagues from the directory to vouch for one piece of their evidence. Not themselves, and not
/// their line manager, whose decision is the sign-off. Each colleague is told; the request expires after
/// <see cref="EvidenceOptions.CorroborationExpiryDays"/>.
/// </summary>
public sealed class RequestCorroboration(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, EvidenceOptions options, TimeProvider time)
{
    public async Task<IReadOnlyList<int>> HandleAsync(Actor actor, RequestCorroborationRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await EvidenceRules.RequireOwnAsync(db, personId, request.EvidenceId, cancellationToken);
        var question = string.IsNullOrWhiteSpace(request.Question) ? null : request.Question.Trim();
        var ids = request.ColleagueIds.Distinct().ToList();
        var managerId = await db.People.Where(p => p.Id == personId).Select(p => p.ManagerId).SingleAsync(cancellationToken);
        var colleagues = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        colleagues = colleagues.OrderBy(c => ids.IndexOf(c.Id)).ToList();
        var open = await db.Corroborations.AsNoTracking()
            .Where(c => c.EvidenceId == evidence.Id && ids.Contains(c.ColleagueId) && c.Status == CorroborationStatus.Requested && c.ExpiresAtUtc > now)
            .Select(c => c.ColleagueId).ToListAsync(cancellationToken);

        var errors = new List<string>();
        if (ids.Count == 0)
        {
            errors.Add("Choose at least one colleague to ask.");
        }

        if (evidence.IsArchived)
        {
            errors.Add("Restore this evidence before asking anyone to corroborate it.");
        }

        if (question?.Length > TextLimits.CorroborationQuestion)
        {
            errors.Add($"Keep the question under {TextLimits.CorroborationQuestion} characters.");
        }

        if (ids.Contains(personId))
        {
            errors.Add("You cannot corroborate your own evidence: ask a colleague.");
        }

        if (managerId is { } manager && ids.Contains(manager))
        {
            errors.Add("Your line manager's decision is the sign-off, so they cannot corroborate: ask another colleague.");
        }

        if (ids.Except([personId, managerId ?? 0]).Any(id => colleagues.All(c => c.Id != id)))
        {
            errors.Add("One of those colleagues is not in the directory.");
        }

        errors.AddRange(colleagues.Where(c => open.Contains(c.Id)).Select(c => $"You already asked {c.Name}; their request is still open."));
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var requests = colleagues.Select(c => new Corroboration
        {
            EvidenceId = evidence.Id, ColleagueId = c.Id, Question = question, Status = CorroborationStatus.Requested,
            RequestedAtUtc = now, ExpiresAtUtc = now.AddDays(options.CorroborationExpiryDays),
        }).ToList();
        db.Corroborations.AddRange(requests);
        foreach (var colleague in colleagues)
        {
            db.Record(actor, now, AuditEventTypes.CorroborationRequested, "Evidence", evidence.Id.ToString(),
                $"{actor.Name} asked {colleague.Name} to corroborate \"{Excerpt.Of(evidence.Title)}\"",
                after: new { colleague = colleague.Name, question }, personId: personId);
        }

        // The requests' ids are in their links: save them, then the colleagues' notifications, in one transaction (ADR 0013).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.AddAsync(db, requests.Select(r => new NotificationMessage(r.ColleagueId, NotificationKinds.CorroborationRequested,
            $"{actor.Name} asks you to corroborate \"{Excerpt.Of(evidence.Title)}\"", $"/corroborations/{r.Id}")).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requests.Select(r => r.Id).ToList();
    }
}
