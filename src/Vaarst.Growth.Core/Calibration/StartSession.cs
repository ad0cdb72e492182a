using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// The chair starts the session: nominations close, each candidate's record is frozen (<see cref="DossierSnapshot"/>, with
/// its hash) in the same unit of work, and the panel compares candidates on those records.
/// </summary>
public sealed class StartSession(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, int sessionId, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionAccess.RequireChairAsync(db, actor, sessionId, cancellationToken);
        if (session.State != SessionState.Nominating)
        {
            throw new ValidationException("This session has already started.");
        }

        var nominations = await db.Nominations.Where(n => n.SessionId == sessionId)
            .Select(n => new { n.Id, n.CandidateId, n.NominatedById }).ToListAsync(cancellationToken);
        var candidates = nominations.Count;
        if (candidates == 0)
        {
            throw new ValidationException("Nobody has been nominated yet; managers nominate their reports before the session starts.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hashes = new List<string>();
        foreach (var nomination in nominations)
        {
            var record = await CandidateRecords.ReadLiveAsync(db, nomination.CandidateId, nomination.NominatedById, session.TargetLevel, cancellationToken);
            if (record is null)
            {
                continue;
            }

            var content = CandidateRecords.Serialize(record);
            var hash = CandidateRecords.Hash(content);
            hashes.Add(hash);
            db.DossierSnapshots.Add(new DossierSnapshot { NominationId = nomination.Id, CapturedAtUtc = now, Content = content, ContentHash = hash });
        }

        session.State = SessionState.InSession;
        session.StartedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.SessionStarted, "CalibrationSession", session.Id.ToString(),
            $"{actor.Name} started \"{session.Name}\" with {candidates} candidate(s); nominations are closed",
            new { state = "Nominating" }, new { state = "InSession", candidates, frozenRecords = hashes });
        // The team hears that a session started (no name: a blind session's name stays in the app; ADR 0013).
        notifications.AddTeamMessage(db, NotificationKinds.SessionStarted, "/calibration");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone nominated a candidate at the same moment. Nothing changed: start the session again.");
        }
    }
}
