using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// Who may do what in a calibration session. Panel members see only the sessions they sit on; what they read of each
/// candidate, and by name or not, is <see cref="People.RecordAccess"/>'s to decide; who steps aside is <see cref="Recusal"/>'s.
/// </summary>
internal static class SessionAccess
{
    public const int MaxTextLength = TextLimits.LongText;

    public static async Task<CalibrationSession> RequireMemberAsync(GrowthDbContext db, Actor actor, int sessionId, CancellationToken cancellationToken, bool track = false)
    {
        var personId = actor.RequirePerson();
        var query = track ? db.CalibrationSessions : db.CalibrationSessions.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == sessionId && s.Members.Any(m => m.PersonId == personId), cancellationToken)
            ?? throw new NotFoundException("That calibration session does not exist, or you do not sit on its panel.");
    }

    public static async Task<CalibrationSession> RequireChairAsync(GrowthDbContext db, Actor actor, int sessionId, CancellationToken cancellationToken)
    {
        var session = await RequireMemberAsync(db, actor, sessionId, cancellationToken, track: true);
        return session.ChairId == actor.PersonId
            ? session
            : throw new ForbiddenException("Only the session's chair can do that.");
    }

    public static string Label(string alias) => $"Candidate {alias}";

    /// <summary>"A".."Z", then "AA", "AB"…: stable per session, in nomination order.</summary>
    public static string AliasFor(int index)
    {
        var alias = "";
        for (var n = index; n >= 0; n = n / 26 - 1)
        {
            alias = (char)('A' + n % 26) + alias;
        }

        return alias;
    }

    public static string? Clean(string? text, string what, bool required, int maxLength = MaxTextLength)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (required && trimmed is null)
        {
            throw new ValidationException($"{what} is required.");
        }

        return trimmed?.Length > maxLength ? throw new ValidationException($"Keep the {what.ToLowerInvariant()} under {maxLength} characters.") : trimmed;
    }
}
