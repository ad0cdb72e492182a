using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Audit;

/// <param name="PersonId">Events about this person, or done by them.</param>
/// <param name="From">First day included (UTC).</param>
/// <param name="To">Last day included (UTC).</param>
public sealed record AuditLogFilter(int? PersonId = null, string? Type = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditEntry(long Id, DateTime OccurredAtUtc, string ActorName, string Type, string SubjectType, string? SubjectId, string? PersonName, string Summary, string? Before, string? After);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, IReadOnlyList<string> Types);

/// <summary>
/// The audit log for administrators, newest first, filtered by person, type and date range. An administrator who sits
/// on a blind calibration panel does not read the events about that session's nominations (they tie each label to a
/// person): <see cref="PanelReading.BlindNominationSubjects"/>.
/// </summary>
public sealed class GetAuditLog(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> HandleAsync(Actor actor, AuditLogFilter filter, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        RequireAdministrator(actor);
        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            throw new ValidationException("The end date is before the start date.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter, actor);
        var total = await query.CountAsync(cancellationToken);
        var entries = await Project(db, query.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
                .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxPageSize)))
            .ToListAsync(cancellationToken);
        var types = await db.AuditEvents.Select(a => a.Type).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        if (types.Any(t => t.StartsWith(AuditEventTypes.AccountPrefix, StringComparison.Ordinal)))
        {
            // One filter for every sign-in, refused sign-in and sign-out, beside each type.
            types.Insert(0, AuditEventTypes.SignInsAndSignOuts);
        }

        return new AuditPage(entries, total, types);
    }

    internal static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator || actor.PersonId is null && actor != Actor.System)
        {
            throw new ForbiddenException("Only administrators can read the audit log.");
        }
    }

    internal static IQueryable<AuditEvent> Filtered(GrowthDbContext db, AuditLogFilter filter, Actor reader)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (reader.PersonId is { } readerId)
        {
            var blind = PanelReading.BlindNominationSubjects(db, readerId);
            query = query.Where(a => a.SubjectType != "Nomination" || !blind.Contains(a.SubjectId!));
        }

        if (filter.PersonId is { } personId)
        {
            query = query.Where(a => a.PersonId == personId || a.ActorId == personId);
        }

        if (filter.Type == AuditEventTypes.SignInsAndSignOuts)
        {
            query = query.Where(a => a.Type.StartsWith(AuditEventTypes.AccountPrefix));
        }
        else if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(a => a.Type == filter.Type);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAtUtc < end);
        }

        return query;
    }

    internal static IQueryable<AuditEntry> Project(GrowthDbContext db, IQueryable<AuditEvent> query) =>
        query.Select(a => new AuditEntry(a.Id, a.OccurredAtUtc, a.ActorName, a.Type, a.SubjectType, a.SubjectId,
            db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(), a.Summary, a.Before, a.After));
}
