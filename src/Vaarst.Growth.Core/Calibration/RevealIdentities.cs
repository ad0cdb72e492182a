using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="NominationId">The one candidate whose identity the member wants to see.</param>
public sealed record RevealIdentitiesRequest(int NominationId, string Reason);

/// <summary>
/// A panel member chooses to see one candidate's name in a blind session while it is open, with a reason. The reason is
/// audited (the event names the candidate, so the audit log filtered by them shows who revealed them) and shown to the
/// chair. From then until the session closes that member reads the candidate by name, in the session and in the
/// candidate's named record (<see cref="RecordAccess.NamedReadable"/>); nobody else does.
/// </summary>
public sealed class RevealIdentities(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The stored reason's length (the column's).</summary>
    public const int MaxReasonLength = TextLimits.Reason;

    public async Task HandleAsync(Actor actor, RevealIdentitiesRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        var reason = SessionAccess.Clean(request.Reason, "A reason", required: true, MaxReasonLength)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await PanelReading.PanelNominations(db, me).AsNoTracking()
            .Where(n => n.Id == request.NominationId)
            .Select(n => new { n.Id, n.SessionId, n.Alias, n.CandidateId, n.Session!.Name, n.Session.IsBlind, n.Session.State })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That candidate is not in a session you sit on.");
        if (!nomination.IsBlind)
        {
            throw new ValidationException("This session is not blind: names are already shown.");
        }

        if (nomination.State == SessionState.Closed)
        {
            throw new ValidationException("The session is closed: its record stays name-free, and nobody can reveal a candidate any more.");
        }

        if (await db.IdentityReveals.AnyAsync(r => r.NominationId == nomination.Id && r.PanelMemberId == me, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var label = SessionAccess.Label(nomination.Alias);
        db.IdentityReveals.Add(new IdentityReveal { SessionId = nomination.SessionId, NominationId = nomination.Id, PanelMemberId = me, Reason = reason, RevealedAtUtc = now });
        db.Record(actor, now, AuditEventTypes.IdentitiesRevealed, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} revealed the identity of {label} in \"{nomination.Name}\"", new { blind = true },
            new { revealedTo = actor.Name, candidate = label, reason }, nomination.CandidateId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same member revealing the same candidate twice at once: the unique index keeps one, which is what they asked for.
            if (!await db.IdentityReveals.AnyAsync(r => r.NominationId == nomination.Id && r.PanelMemberId == me, cancellationToken))
            {
                throw;
            }
        }
    }
}
