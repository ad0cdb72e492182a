using System.Text.Json;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Audit;

/// <summary>Adds audit events to the unit of work of the change they describe, so both are saved or neither is.</summary>
public static class AuditTrail
{
    // Audit text is read by people (the audit page, CSV exports); it is always HTML-encoded when shown, so no need to escape here.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AuditEvent Record(
        this GrowthDbContext db,
        Actor actor,
        DateTime occurredAtUtc,
        string type,
        string subjectType,
        string? subjectId,
        string summary,
        object? before = null,
        object? after = null,
        int? personId = null)
    {
        var auditEvent = new AuditEvent
        {
            OccurredAtUtc = occurredAtUtc,
            ActorId = actor.PersonId,
            ActorName = actor.Name,
            Type = type,
            SubjectType = subjectType,
            SubjectId = subjectId,
            PersonId = personId,
            Summary = Excerpt.Fit(summary, TextLimits.AuditSummary),
            Before = Serialize(before),
            After = Serialize(after),
        };
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, JsonOptions),
    };
}
