using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.People;

public enum DirectoryChangeKind
{
    Add,
    Change,
}

public sealed record DirectoryChange(int Line, string Email, string Name, DirectoryChangeKind Kind, IReadOnlyList<string> Differences);

/// <param name="NotInFile">People in the directory the file does not mention; an import leaves them as they are.</param>
public sealed record DirectoryPreview(IReadOnlyList<DirectoryChange> Changes, IReadOnlyList<DirectoryProblem> Problems, int Unchanged, int NotInFile)
{
    public bool CanApply => Problems.Count == 0 && Changes.Count > 0;
}

/// <summary>What applying a directory CSV would do, computed the same way for the preview and for the apply.</summary>
internal static class DirectoryImportPlan
{
    public static async Task<(DirectoryPreview Preview, List<DirectoryRow> Rows, DirectoryRows.FrameworkFacts Facts, List<Person> People)> ComputeAsync(
        GrowthDbContext db, string csv, CancellationToken cancellationToken)
    {
        var (rows, problems) = DirectoryRows.Parse(csv);
        var people = await db.People.ToListAsync(cancellationToken);
        var facts = await DirectoryRows.LoadFactsAsync(db, cancellationToken);
        var emailOf = people.ToDictionary(p => p.Id, p => p.Email);
        var existing = people.ToDictionary(p => p.Email, p => p.ManagerId is { } m ? emailOf[m] : null, StringComparer.OrdinalIgnoreCase);
        problems.AddRange(DirectoryRows.Check(rows, existing, facts));

        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var changes = new List<DirectoryChange>();
        var unchanged = 0;
        foreach (var row in rows.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase))
        {
            if (!byEmail.TryGetValue(row.Email, out var person))
            {
                changes.Add(new DirectoryChange(row.Line, row.Email, row.Name, DirectoryChangeKind.Add, []));
                continue;
            }

            var differences = Differences(person, row, emailOf, facts);
            if (differences.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changes.Add(new DirectoryChange(row.Line, row.Email, row.Name, DirectoryChangeKind.Change, differences));
            }
        }

        var inFile = rows.Select(r => r.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rowOf = rows.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var after = people.Select(p => (p.IsActive, rowOf.TryGetValue(p.Email, out var row) ? row.Roles : p.Roles))
            .Concat(rowOf.Values.Where(r => !byEmail.ContainsKey(r.Email)).Select(r => (true, r.Roles)));
        if (Administrators.WouldLeaveNone(people, after))
        {
            // Reported on each row that takes the role away from an active administrator.
            foreach (var person in people.Where(p => Administrators.IsActiveAdministrator(p.IsActive, p.Roles) && rowOf.TryGetValue(p.Email, out var r) && !r.Roles.HasFlag(Roles.Administrator)))
            {
                problems.Add(new DirectoryProblem(rowOf[person.Email].Line, Administrators.Refusal(person.Email)));
            }
        }

        var preview = new DirectoryPreview(changes, problems.DistinctBy(p => p.ToString()).OrderBy(p => p.Line).ToList(), unchanged, people.Count(p => !inFile.Contains(p.Email)));
        return (preview, rows, facts, people);
    }

    public static List<string> Differences(Person person, DirectoryRow row, IReadOnlyDictionary<int, string> emailOf, DirectoryRows.FrameworkFacts facts)
    {
        var differences = new List<string>();
        void Compare(string what, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                differences.Add($"{what}: {(string.IsNullOrEmpty(before) ? "—" : before)} → {(string.IsNullOrEmpty(after) ? "—" : after)}");
            }
        }

        var craftName = facts.Crafts.FirstOrDefault(c => c.Value.Id == person.CraftId).Key;
        Compare("name", person.Name, row.Name);
        Compare("manager", person.ManagerId is { } m ? emailOf[m] : null, row.ManagerEmail);
        Compare("craft", craftName, row.Craft is null ? null : facts.Crafts.Keys.FirstOrDefault(k => string.Equals(k, row.Craft, StringComparison.OrdinalIgnoreCase)) ?? row.Craft);
        Compare("specialism", person.Specialism, row.Specialism);
        Compare("current level", person.CurrentLevel?.ToString(), row.CurrentLevel?.ToString());
        Compare("target level", person.TargetLevel?.ToString(), row.TargetLevel?.ToString());
        Compare("roles", DirectoryRows.FormatRoles(person.Roles), DirectoryRows.FormatRoles(row.Roles));
        return differences;
    }

    /// <summary>Writes a row's values onto a person (the manager is set separately, once everyone exists).</summary>
    public static void Apply(Person person, DirectoryRow row, DirectoryRows.FrameworkFacts facts)
    {
        person.Name = row.Name;
        person.CraftId = row.Craft is null ? null : facts.Crafts[row.Craft].Id;
        person.Specialism = row.Specialism is null ? null : facts.Crafts[row.Craft!].Specialisms.First(s => string.Equals(s, row.Specialism, StringComparison.OrdinalIgnoreCase));
        person.CurrentLevel = row.CurrentLevel;
        person.TargetLevel = row.TargetLevel;
        person.Roles = row.Roles;
    }
}
