using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record SubmitPreReadRequest(int NominationId, Outcome Outcome, string? Note);

/// <summary>
/// A panel member records (or updates) their provisional view of a candidate before the discussion. Others' views
/// stay hidden from them until they have submitted their own; a pre-read cannot change once the panel decided. A member
/// recused from the candidate (<see cref="Recusal"/>) records none.
/// </summary>
public sealed class SubmitPreRead(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, SubmitPreReadRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var me = actor.RequirePerson();
        if (!Enum.IsDefined(request.Outcome))
        {
            throw new ValidationException("Choose Promote, Not yet or Defer.");
        }

        var note = SessionAccess.Clean(request.Note, "Note", required: false);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nomination = await db.Nominations.Include(n => n.Session)
            .FirstOrDefaultAsync(n => n.Id == request.NominationId && n.Session!.Members.Any(m => m.PersonId == me), cancellationToken)
            ?? throw new NotFoundException("That candidate is not in a session you sit on.");
        var now = time.GetUtcNow().UtcDateTime;
        (await Recusal.ForNominationAsync(db, nomination.Id, DateOnly.FromDateTime(now), cancellationToken)).RequireNotRecused(me, "A pre-read on them");
        if (nomination.Session!.State == SessionState.Closed || nomination.Decision is not null)
        {
            throw new ValidationException("The panel has already decided on this candidate; pre-reads are closed.");
        }

        var preRead = await db.PreReads.FirstOrDefaultAsync(p => p.NominationId == nomination.Id && p.PanelMemberId == me, cancellationToken);
        var before = preRead is null ? null : new { outcome = preRead.Outcome.ToString(), preRead.Note };
        if (preRead is null)
        {
            preRead = new PreRead { NominationId = nomination.Id, PanelMemberId = me };
            db.PreReads.Add(preRead);
        }

        preRead.Outcome = request.Outcome;
        preRead.Note = note;
        preRead.SubmittedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.PreReadSubmitted, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} recorded a pre-read for {SessionAccess.Label(nomination.Alias)} in \"{nomination.Session.Name}\"",
            before, new { outcome = request.Outcome.ToString(), note });
        await db.SaveChangesAsync(cancellationToken);
    }
}
