using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

/// <summary>One person as the directory CSV (and the person editor) describes them.</summary>
public sealed record DirectoryRow(
    int Line, string Name, string Email, string? ManagerEmail, string? Craft, string? Specialism, int? CurrentLevel, int? TargetLevel, Roles Roles);

/// <summary>A problem with a row, reported as "line N: message".</summary>
public sealed record DirectoryProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"Line {Line}: {Message}" : Message;
}

/// <summary>
/// Reads and checks directory rows against the framework and the existing directory: unknown manager, cycles in
/// the reporting line, unknown craft, specialism or level, duplicate e-mails, bad roles.
/// </summary>
public static class DirectoryRows
{
    public static readonly string[] Header = ["name", "email", "manager_email", "craft", "specialism", "current_level", "target_level", "roles"];
    public const int MaxRows = 20_000;

    /// <summary>Parses the CSV; structural problems (missing columns, bad numbers or roles) come back as problems by line.</summary>
    public static (List<DirectoryRow> Rows, List<DirectoryProblem> Problems) Parse(string csvText)
    {
        var rows = new List<DirectoryRow>();
        var problems = new List<DirectoryProblem>();
        if (string.IsNullOrWhiteSpace(csvText))
        {
            problems.Add(new DirectoryProblem(1, "The file is empty. The first line must be the header: " + string.Join(",", Header)));
            return (rows, problems);
        }

        using var reader = CsvReader.FromText(csvText, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, Separator = ',', TrimWhitespace = true });
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Header.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new DirectoryProblem(1, $"The header lacks {string.Join(", ", missing)}. Expected: {string.Join(",", Header)}"));
            return (rows, problems);
        }

        var index = Header.ToDictionary(h => h, h => header.IndexOf(h));
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (rows.Count >= MaxRows)
            {
                problems.Add(new DirectoryProblem(line, $"The file has more than {MaxRows} people; split it."));
                break;
            }

            string Field(string name) => index[name] < reader.FieldCount ? (reader.GetString(index[name]) ?? "").Trim() : "";
            var current = Level(Field("current_level"), "current_level", line, problems);
            var target = Level(Field("target_level"), "target_level", line, problems);
            var roles = ParseRoles(Field("roles"), line, problems);
            rows.Add(new DirectoryRow(line, Field("name"), Field("email"), Blank(Field("manager_email")), Blank(Field("craft")), Blank(Field("specialism")), current, target, roles));
        }

        return (rows, problems);
    }

    /// <summary>The framework facts rows are checked against: crafts, their specialisms and imported levels.</summary>
    public sealed record FrameworkFacts(IReadOnlyDictionary<string, (int Id, HashSet<string> Specialisms, HashSet<int> Levels)> Crafts);

    public static async Task<FrameworkFacts> LoadFactsAsync(GrowthDbContext db, CancellationToken cancellationToken)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.RetiredInVersionId == null)
            .Select(s => new { Craft = s.Level!.Craft!.Name, CraftId = s.Level.CraftId, Level = s.Level.Number, s.Name, s.AppliesToAll })
            .ToListAsync(cancellationToken);
        var crafts = await db.Crafts.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return new FrameworkFacts(crafts.ToDictionary(c => c.Name, c => (c.Id,
            sections.Where(s => s.CraftId == c.Id && !s.AppliesToAll).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            sections.Where(s => s.CraftId == c.Id).Select(s => s.Level).ToHashSet()), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Checks rows as they would be after applying them on top of <paramref name="existing"/> (email → manager email).</summary>
    public static List<DirectoryProblem> Check(IReadOnlyList<DirectoryRow> rows, IReadOnlyDictionary<string, string?> existing, FrameworkFacts facts)
    {
        var problems = new List<DirectoryProblem>();
        var byEmail = new Dictionary<string, DirectoryRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.Name.Length is 0 or > TextLimits.PersonName)
            {
                problems.Add(new DirectoryProblem(row.Line, $"A name is required (up to {TextLimits.PersonName} characters)."));
            }

            if (!IsEmail(row.Email))
            {
                problems.Add(new DirectoryProblem(row.Line, $"'{row.Email}' is not an e-mail address."));
            }
            else if (!byEmail.TryAdd(row.Email, row))
            {
                problems.Add(new DirectoryProblem(row.Line, $"Duplicate e-mail {row.Email} (also on line {byEmail[row.Email].Line})."));
            }

            if (row.ManagerEmail is { } manager && string.Equals(manager, row.Email, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new DirectoryProblem(row.Line, "Someone cannot be their own line manager."));
            }

            if (row.Craft is null)
            {
                if (row.Specialism is not null)
                {
                    problems.Add(new DirectoryProblem(row.Line, "A specialism needs a craft."));
                }

                continue;
            }

            if (!facts.Crafts.TryGetValue(row.Craft, out var craft))
            {
                problems.Add(new DirectoryProblem(row.Line, $"Unknown craft '{row.Craft}'. Known: {string.Join(", ", facts.Crafts.Keys)}."));
                continue;
            }

            if (row.Specialism is { } specialism && !craft.Specialisms.Contains(specialism))
            {
                problems.Add(new DirectoryProblem(row.Line, $"Unknown specialism '{specialism}' for {row.Craft}. Known: {string.Join(", ", craft.Specialisms.Order())}."));
            }

            if (row.TargetLevel is { } target && !craft.Levels.Contains(target))
            {
                problems.Add(new DirectoryProblem(row.Line, $"Unknown target level {target}: {row.Craft} has {string.Join(", ", craft.Levels.Order().Select(l => $"Level {l}"))} in the framework."));
            }
        }

        // Managers: in the file or already in the directory; the reporting line must not loop.
        var managers = new Dictionary<string, string?>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var row in byEmail.Values)
        {
            managers[row.Email] = row.ManagerEmail;
        }

        foreach (var row in byEmail.Values)
        {
            if (row.ManagerEmail is { } manager && !managers.ContainsKey(manager))
            {
                problems.Add(new DirectoryProblem(row.Line, $"Unknown manager {manager}: not in the file nor in the directory."));
            }
            else if (HasCycle(row.Email, managers))
            {
                problems.Add(new DirectoryProblem(row.Line, $"The reporting line of {row.Email} loops back to them."));
            }
        }

        return problems.OrderBy(p => p.Line).ToList();
    }

    public static Roles ParseRoles(string text, int line, List<DirectoryProblem> problems)
    {
        var roles = Roles.None;
        foreach (var part in text.Split([';', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<Roles>(part, ignoreCase: true, out var role) && role != Roles.None && Enum.IsDefined(role))
            {
                roles |= role;
            }
            else
            {
                problems.Add(new DirectoryProblem(line, $"Unknown role '{part}'. Use Engineer, Manager, CalibrationPanel or Administrator, separated by ';'."));
            }
        }

        return roles;
    }

    public static string FormatRoles(Roles roles) =>
        string.Join(";", Enum.GetValues<Roles>().Where(r => r != Roles.None && (roles & r) == r));

    public static bool IsEmail(string value) =>
        value.Length is > 3 and <= TextLimits.Email && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.');

    private static bool HasCycle(string email, IReadOnlyDictionary<string, string?> managers)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { email };
        for (var next = managers.GetValueOrDefault(email); next is not null; next = managers.GetValueOrDefault(next))
        {
            if (!seen.Add(next))
            {
                return string.Equals(next, email, StringComparison.OrdinalIgnoreCase) || seen.Count > managers.Count;
            }
        }

        return false;
    }

    private static int? Level(string text, string column, int line, List<DirectoryProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 20)
        {
            return level;
        }

        problems.Add(new DirectoryProblem(line, $"{column} must be a level number (1–20), not '{text}'."));
        return null;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
