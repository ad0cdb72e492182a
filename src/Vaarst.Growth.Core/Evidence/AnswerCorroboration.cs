using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

public enum CorroborationAnswer
{
    Confirm = 0,
    Dispute = 1,
    Decline = 2,
}

/// <param name="Note">Required when disputing; optional otherwise.</param>
public sealed record AnswerCorroborationRequest(int CorroborationId, int ExpectedVersion, CorroborationAnswer Answer, string? Note = null);

/// <summary>
/// The colleague confirms, disputes (with a note) or declines a request addressed to them, while it is open. The answer
/// is bound to the evidence as it is now; the engineer is told.
/// </summary>
public sealed class AnswerCorroboration(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    private const string Stale = "This request was answered in another tab since you opened it. Nothing was saved: reload to see it.";

    public async Task HandleAsync(Actor actor, AnswerCorroborationRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var corroboration = await db.Corroborations.Include(c => c.Evidence)
            .FirstOrDefaultAsync(c => c.Id == request.CorroborationId && c.ColleagueId == personId, cancellationToken)
            ?? throw new NotFoundException("That request to corroborate is not addressed to you.");
        if (corroboration.Version != request.ExpectedVersion)
        {
            throw new ConflictException(Stale);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var status = corroboration.StatusAt(now);
        if (status == CorroborationStatus.Expired)
        {
            throw new ValidationException("This request has expired; the engineer can ask again.");
        }

        if (status != CorroborationStatus.Requested)
        {
            throw new ValidationException($"You already answered this request ({status.ToString().ToLowerInvariant()}).");
        }

        if (request.Answer == CorroborationAnswer.Dispute && note is null)
        {
            throw new ValidationException("Say what you dispute: a note is required.");
        }

        if (note?.Length > TextLimits.CorroborationNote)
        {
            throw new ValidationException($"Keep the note under {TextLimits.CorroborationNote} characters.");
        }

        var evidence = corroboration.Evidence!;
        corroboration.Status = request.Answer switch
        {
            CorroborationAnswer.Confirm => CorroborationStatus.Confirmed,
            CorroborationAnswer.Dispute => CorroborationStatus.Disputed,
            _ => CorroborationStatus.Declined,
        };
        corroboration.Note = note;
        corroboration.AnsweredAtUtc = now;
        corroboration.AnsweredContentHash = evidence.ContentHash;
        var verb = corroboration.Status.ToString().ToLowerInvariant();
        db.Record(actor, now, AuditEventTypes.CorroborationAnswered, "Evidence", evidence.Id.ToString(),
            $"{actor.Name} {verb} \"{Excerpt.Of(evidence.Title)}\"",
            new { status = nameof(CorroborationStatus.Requested) }, new { status = corroboration.Status.ToString(), note }, evidence.OwnerId);
        // The engineer's notification (and its e-mail) commits with the answer (ADR 0013).
        await notifications.AddAsync(db, [new NotificationMessage(evidence.OwnerId, NotificationKinds.CorroborationAnswered,
            $"{actor.Name} {verb} \"{Excerpt.Of(evidence.Title)}\"", "/evidence")], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(Stale);
        }

    }
}
