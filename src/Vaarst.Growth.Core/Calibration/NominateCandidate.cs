using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

public sealed record NominateCandidateRequest(int SessionId, int CandidateId, string CaseStatement);

/// <summary>
/// A line manager nominates one of their direct reports, with a short case statement, while nominations are open. A
/// manager who sits on the panel may nominate their report (that is their job) and is then recused from them
/// (<see cref="Recusal"/>); a nomination nobody on the panel could decide on is refused.
/// </summary>
public sealed class NominateCandidate(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, NominateCandidateRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var managerId = actor.RequirePerson();
        var statement = SessionAccess.Clean(request.CaseStatement, "Case statement", required: true)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidate = await db.People.AsNoTracking().Where(p => p.Id == request.CandidateId && p.ManagerId == managerId && p.IsActive)
            .Select(p => new { p.Id, p.Name, p.CurrentLevel, p.TargetLevel }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException("You can only nominate your own direct reports.");
        var session = await db.CalibrationSessions.Include(s => s.Cycle).FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken)
            ?? throw new NotFoundException("That calibration session does not exist.");
        if (session.State != SessionState.Nominating)
        {
            throw new ValidationException("Nominations for this session are closed: the chair has started it.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (session.Cycle is { } cycle && CycleCalendar.PhaseOn(cycle, DateOnly.FromDateTime(now)) > CyclePhase.SelfAssessment)
        {
            throw new ValidationException($"Nominations for \"{cycle.Name}\" are closed: the cycle has moved on to calibration.");
        }

        if (!Eligibility.IsBelow(candidate.CurrentLevel, session.TargetLevel))
        {
            throw new ValidationException($"{candidate.Name} is already at Level {candidate.CurrentLevel}: only engineers below Level {session.TargetLevel} can be nominated for this session.");
        }

        if ((candidate.TargetLevel ?? Person.DefaultTargetLevel) != session.TargetLevel)
        {
            throw new ValidationException($"{candidate.Name}'s target level is not Level {session.TargetLevel}; update it in the directory first.");
        }

        if (await db.PanelMembers.AnyAsync(m => m.SessionId == session.Id && m.PersonId == candidate.Id, cancellationToken))
        {
            throw new ValidationException($"{candidate.Name} sits on this session's panel and cannot also be a candidate.");
        }

        if (await db.Nominations.AnyAsync(n => n.SessionId == session.Id && n.CandidateId == candidate.Id, cancellationToken))
        {
            throw new ValidationException($"{candidate.Name} is already nominated for this session.");
        }

        var conflicts = await Recusal.ForCandidateAsync(db, candidate.Id, managerId, DateOnly.FromDateTime(now), cancellationToken);
        var panel = await db.PanelMembers.Where(m => m.SessionId == session.Id).Select(m => m.PersonId).ToListAsync(cancellationToken);
        if (panel.All(member => conflicts.Of(member) is not null))
        {
            throw new ValidationException($"Everyone on this session's panel would be recused from {candidate.Name} (as their line manager or the manager's delegate), so nobody could decide; nominate them to another session.");
        }

        var count = await db.Nominations.CountAsync(n => n.SessionId == session.Id, cancellationToken);
        var nomination = new Nomination
        {
            SessionId = session.Id,
            CandidateId = candidate.Id,
            NominatedById = managerId,
            CaseStatement = statement,
            NominatedAtUtc = now,
            Alias = SessionAccess.AliasFor(count),
        };
        db.Nominations.Add(nomination);

        // Touching the session's version makes a nomination racing the chair's "start" fail cleanly, and two
        // nominations racing for the same alias fail on the unique index instead of sharing a label.
        session.Version++;
        // The audit event names the new nomination's id: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            throw new ConflictException("The session changed while you were nominating (another nomination, or the chair started it). Nothing was saved: try again.");
        }

        db.Record(actor, now, AuditEventTypes.CandidateNominated, "Nomination", nomination.Id.ToString(),
            $"{actor.Name} nominated {candidate.Name} to \"{session.Name}\"", after: new { session = session.Name, alias = nomination.Alias, caseStatement = statement }, personId: candidate.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return nomination.Id;
    }
}
