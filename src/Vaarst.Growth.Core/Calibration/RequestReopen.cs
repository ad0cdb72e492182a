using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record RequestReopenRequest(int NominationId, string Reason);

/// <summary>
/// After release a decision is locked. The session's chair may ask to reopen one, with a reason; an administrator other
/// than the chair approves (<see cref="ApproveReopen"/>). One open request per candidate.
/// </summary>
public sealed class RequestReopen(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, RequestReopenRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var reason = SessionAccess.Clean(request.Reason, "Reason", required: true, maxLength: TextLimits.Reason)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
            ?? throw new NotFoundException("That candidate does not exist.");
        var session = await SessionAccess.RequireChairAsync(db, actor, nomination.SessionId, cancellationToken);
        if (!await db.Nominations.Where(n => n.Id == nomination.Id && n.Decision != null).AnyAsync(OutcomeVisibility.Released, cancellationToken))
        {
            throw new ValidationException("Only a released decision is locked; until the release, the session's own steps change it.");
        }

        if (await db.ReopenRequests.AnyAsync(r => r.NominationId == nomination.Id && r.RedecidedAtUtc == null, cancellationToken))
        {
            throw new ValidationException("Reopening this decision is already requested.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var reopen = new ReopenRequest
        {
            NominationId = nomination.Id, RequestedById = actor.PersonId!.Value, Reason = reason, RequestedAtUtc = now,
            PreviousDecision = nomination.Decision!.Value, PreviousRationale = nomination.DecisionRationale ?? "", PreviousPlanAreas = nomination.PlanAreas,
            PreviousDecidedAtUtc = nomination.DecidedAtUtc,
        };
        db.ReopenRequests.Add(reopen);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(actor, now, AuditEventTypes.ReopenRequested, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} asked to reopen the decision on {SessionAccess.Label(nomination.Alias)} in \"{session.Name}\"",
            after: new { request = reopen.Id, reason, decision = reopen.PreviousDecision.ToString() }, personId: nomination.CandidateId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reopen.Id;
    }
}
