using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// An administrator approves a chair's request to reopen a released decision; never the person who asked (two people
/// reopen a locked record). The chair then records the decision again; the old one stays in the request as history.
/// </summary>
public sealed class ApproveReopen(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, int reopenRequestId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators approve reopening a decision.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reopen = await db.ReopenRequests.Include(r => r.Nomination).FirstOrDefaultAsync(r => r.Id == reopenRequestId, cancellationToken)
            ?? throw new NotFoundException("That request to reopen does not exist.");
        if (reopen.RequestedById == actor.PersonId)
        {
            throw new ForbiddenException("You asked to reopen this decision: another administrator approves it.");
        }

        if (reopen.ApprovedAtUtc is not null)
        {
            throw new ValidationException("This request is already approved.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        reopen.ApprovedById = actor.PersonId;
        reopen.ApprovedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.ReopenApproved, "Nomination", reopen.NominationId.ToString(),
            $"{actor.Name} approved reopening the decision on {SessionAccess.Label(reopen.Nomination!.Alias)}",
            new { approved = false }, new { approved = true, request = reopen.Id, reopen.Reason }, reopen.Nomination.CandidateId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The request changed at the same moment. Nothing was saved: reload to see it.");
        }
    }
}
