using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="CycleId">The promotion cycle the session belongs to; required once any cycle is open (not released).</param>
public sealed record CreateSessionRequest(string Name, int TargetLevel, DateOnly ScheduledOn, IReadOnlyCollection<int> PanelMemberIds, int ChairId, bool IsBlind = true, int? CycleId = null);

/// <summary>An administrator sets up a calibration session: name, target level, date, panel and chair. Nominations open.</summary>
public sealed class CreateSession(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators create calibration sessions.");
        }

        var errors = new List<string>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > TextLimits.SessionName)
        {
            errors.Add($"Give the session a name (up to {TextLimits.SessionName} characters).");
        }

        if (request.TargetLevel is < 1 or > 20)
        {
            errors.Add("Choose the level candidates are considered for.");
        }

        var members = request.PanelMemberIds.Append(request.ChairId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.Where(p => members.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Name, p.Roles }).ToListAsync(cancellationToken);
        if (people.Count != members.Count)
        {
            errors.Add("Every panel member must be an active person in the directory.");
        }
        else if (members.Count < 2)
        {
            errors.Add("A panel needs at least two members, the chair included.");
        }

        var notPanel = people.Where(p => (p.Roles & Roles.CalibrationPanel) == 0).Select(p => p.Name).ToList();
        if (notPanel.Count > 0)
        {
            errors.Add($"Only people with the Calibration panel role can sit on a panel: {string.Join(", ", notPanel)}.");
        }

        string? cycleName = null;
        if (request.CycleId is { } cycleId)
        {
            var cycle = await db.PromotionCycles.Where(c => c.Id == cycleId).Select(c => new { c.Name, c.ReleasedAtUtc }).FirstOrDefaultAsync(cancellationToken);
            if (cycle is null || cycle.ReleasedAtUtc is not null)
            {
                errors.Add("Choose a promotion cycle whose outcomes are not released yet.");
            }

            cycleName = cycle?.Name;
        }
        else if (await db.PromotionCycles.AnyAsync(c => c.ReleasedAtUtc == null, cancellationToken))
        {
            errors.Add("Choose the promotion cycle the session belongs to.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var session = new CalibrationSession
        {
            Name = name,
            TargetLevel = request.TargetLevel,
            ScheduledOn = request.ScheduledOn,
            ChairId = request.ChairId,
            CycleId = request.CycleId,
            IsBlind = request.IsBlind,
            State = SessionState.Nominating,
            CreatedAtUtc = now,
            Members = members.Select(id => new PanelMember { PersonId = id }).ToList(),
        };
        db.CalibrationSessions.Add(session);
        // The audit event names the new session's id: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(actor, now, AuditEventTypes.SessionCreated, "CalibrationSession", session.Id.ToString(),
            $"{actor.Name} created calibration session \"{name}\" for Level {request.TargetLevel}",
            after: new { name, cycle = cycleName, request.TargetLevel, request.ScheduledOn, chair = people.First(p => p.Id == request.ChairId).Name, panel = people.Select(p => p.Name), blind = request.IsBlind });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session.Id;
    }
}
