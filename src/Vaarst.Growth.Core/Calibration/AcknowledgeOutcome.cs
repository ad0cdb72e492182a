using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// The candidate confirms they read their released outcome and its rationale (their manager sees who has not yet).
/// Only the candidate, only once the outcome is visible to them, and once.
/// </summary>
public sealed class AcknowledgeOutcome(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, int nominationId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await db.Nominations.Include(n => n.Session)
            .Where(n => n.Id == nominationId && n.CandidateId == me && n.Decision != null)
            .Where(OutcomeVisibility.Released)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That outcome does not exist or is not released to you yet.");
        if (nomination.AcknowledgedAtUtc is not null)
        {
            throw new ValidationException("You have already acknowledged this outcome.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        nomination.AcknowledgedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.OutcomeAcknowledged, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} acknowledged their outcome of \"{nomination.Session!.Name}\"", after: new { acknowledged = true }, personId: me);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This outcome changed at the same moment. Nothing was saved: reload and try again.");
        }
    }
}
