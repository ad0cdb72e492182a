using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record RevealIdentitiesRequest(int SessionId, string Reason);

/// <summary>A panel member chooses to see candidates' names in a blind session. The reason is audited and shown to the chair.</summary>
public sealed class RevealIdentities(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, RevealIdentitiesRequest request, CancellationToken cancellationToken = default)
    {
        var me = actor.RequirePerson();
        var reason = SessionAccess.Clean(request.Reason, "A reason", required: true)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireMemberAsync(db, actor, request.SessionId, cancellationToken);
        if (!session.IsBlind)
        {
            throw new ValidationException("This session is not blind: names are already shown.");
        }

        if (await db.IdentityReveals.AnyAsync(r => r.SessionId == session.Id && r.PanelMemberId == me, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.IdentityReveals.Add(new IdentityReveal { SessionId = session.Id, PanelMemberId = me, Reason = reason, RevealedAtUtc = now });
        db.Record(actor, now, AuditEventTypes.IdentitiesRevealed, "CalibrationSession", session.Id.ToString(),
            $"{actor.Name} revealed candidates' identities in \"{session.Name}\"", new { blind = true }, new { revealedTo = actor.Name, reason });
        await db.SaveChangesAsync(cancellationToken);
    }
}
