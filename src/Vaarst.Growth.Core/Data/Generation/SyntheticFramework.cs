using System.Text;
using Vaarst.Growth.Core.Framework;

namespace Vaarst.Growth.Core.Data.Generation;

/// <summary>A generated framework page: where it goes under a folder, and its Markdown.</summary>
public sealed record GeneratedPage(string RelativePath, string Markdown);

/// <summary>
/// Framework Markdown pages in the real page format (front matter, <c>## Craft - X</c> sections, Area | Description
/// tables, statements separated by <c>&lt;br&gt;&lt;br&gt;</c>), so the generator goes through the real parser and import.
/// </summary>
public static class SyntheticFramework
{
    private static readonly (string Craft, string[] Specialisms)[] CraftNames =
    [
        ("Software Engineer Craft", ["Backend Engineer", "Frontend Engineer"]),
        ("ML and Edge ML Engineer Craft", ["ML Engineer", "Edge ML Engineer"]),
        ("Data Engineer Craft", ["Pipeline Engineer", "Analytics Engineer"]),
        ("Platform Engineer Craft", ["Cloud Engineer", "Site Reliability Engineer"]),
        ("Quality Engineer Craft", ["Test Automation Engineer", "Performance Engineer"]),
        ("Security Engineer Craft", ["Application Security Engineer", "Cloud Security Engineer"]),
        ("Robotics Engineer Craft", ["Perception Engineer", "Controls Engineer"]),
        ("Embedded Engineer Craft", ["Firmware Engineer", "Hardware Integration Engineer"]),
        ("Product Engineer Craft", ["Mobile Engineer", "Web Engineer"]),
        ("Research Engineer Craft", ["Applied Scientist", "Simulation Engineer"]),
    ];

    private static readonly string[] LevelTitles = ["Associate", "Junior", "Intermediate", "Mid", "Senior", "Lead", "Principal", "Distinguished", "Fellow"];

    private static readonly string[] CommonAreas =
    [
        "Delivery", "Collaboration", "Technical Quality", "Architecture Design", "Communication", "Mentoring",
        "Technical Strategy", "Ownership", "Stakeholder Management", "Continuous Improvement", "Risk Management", "Hiring",
    ];

    private static readonly string[] SpecialismTopics =
    [
        "Fundamentals", "Tooling", "Design", "Operations", "Optimisation", "Research", "Testing", "Observability", "Automation", "Standards",
    ];

    private static readonly string[] Verbs =
    [
        "apply", "explain", "plan", "review", "improve", "document", "measure", "design", "automate", "share", "question", "adapt",
    ];

    private static readonly string[] Objects =
    [
        "the practices", "the trade-offs", "the standards", "the tools", "the risks", "the decisions", "the patterns", "the metrics",
        "the experiments", "the interfaces", "the estimates", "the incidents",
    ];

    private static readonly string[] Reach =
    [
        "with guidance from my team", "with occasional guidance", "independently on my own work", "across my team's projects",
        "across several teams", "for my department", "across the organisation", "across the organisation and beyond", "for the industry",
    ];

    /// <summary>The crafts the options generate: name and its two specialisms.</summary>
    public static IReadOnlyList<(string Craft, string[] Specialisms)> Crafts(GeneratorOptions options) =>
        Enumerable.Range(0, options.Crafts).Select(i =>
        {
            var (craft, specialisms) = CraftNames[i % CraftNames.Length];
            return i < CraftNames.Length
                ? (craft, specialisms)
                : (craft.Replace(" Craft", $" {i / CraftNames.Length + 1} Craft", StringComparison.Ordinal), specialisms);
        }).ToList();

    /// <summary>Every page: <see cref="GeneratorOptions.Crafts"/> × <see cref="GeneratorOptions.Levels"/>, in folder order.</summary>
    public static IReadOnlyList<GeneratedPage> Pages(GeneratorOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var pages = new List<GeneratedPage>();
        foreach (var (craft, specialisms) in Crafts(options))
        {
            var slug = FrameworkPageParser.Slug(craft.Replace(" Craft", "", StringComparison.Ordinal));
            for (var level = 1; level <= options.Levels; level++)
            {
                pages.Add(new GeneratedPage($"{slug}/level{level}.md", Page(options, random, craft, slug, specialisms, level)));
            }
        }

        return pages;
    }

    /// <summary>Writes <see cref="Pages"/> under <paramref name="folder"/> (e.g. for the import benchmark); returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WritePagesAsync(string folder, GeneratorOptions options, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var page in Pages(options))
        {
            var file = Path.Combine(folder, page.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, page.Markdown, ct);
            files.Add(file);
        }

        return files;
    }

    private static string Page(GeneratorOptions options, Random random, string craft, string slug, string[] specialisms, int level)
    {
        var title = LevelTitles[level - 1];
        var page = new StringBuilder()
            .Append("---\n")
            .Append("layout: page\n")
            .Append($"title: Level {level} ({title})\n")
            .Append($"permalink: /careerframework/{slug}/level{level}\n")
            .Append($"nav_order: {level}\n")
            .Append($"parent: {craft}\n")
            .Append($"grand_parent: {GeneratorOptions.FrameworkName}\n")
            .Append("---\n\n")
            .Append($"# {craft.Replace(" Craft", "", StringComparison.Ordinal)} - Level {level}\n");

        var sections = new[] { PageSection.AllName }.Concat(specialisms).ToList();
        foreach (var section in sections)
        {
            page.Append($"\n## Craft - {section}\n\n|Area          | Description       |\n|:-------------|:------------------|\n");
            var areas = section == PageSection.AllName
                ? Enumerable.Range(0, options.AreasPerSection).Select(i => CommonAreas[i % CommonAreas.Length] + Suffix(i, CommonAreas.Length)).ToList()
                : Enumerable.Range(0, options.AreasPerSection).Select(i => $"{section} {SpecialismTopics[i % SpecialismTopics.Length]}{Suffix(i, SpecialismTopics.Length)}").ToList();
            for (var a = 0; a < areas.Count; a++)
            {
                var count = options.StatementsPerSection / areas.Count + (a < options.StatementsPerSection % areas.Count ? 1 : 0);
                // Statement identity is its text within the area, so texts are kept distinct.
                var texts = new List<string>();
                while (texts.Count < count)
                {
                    var text = $"I {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} of {areas[a].ToLowerInvariant()} {Reach[level - 1]}.";
                    texts.Add(texts.Contains(text) ? text.Replace(".", $" ({texts.Count + 1}).", StringComparison.Ordinal) : text);
                }

                page.Append($"| [{areas[a]}](/careerframework/{slug}#{FrameworkPageParser.Slug(areas[a])}) | {string.Join(" <br><br> ", texts)} |\n");
            }

            // Like the real pages, the All section of some levels still has an area waiting to be written.
            if (section == PageSection.AllName && level % 2 == 1)
            {
                page.Append($"| [Industry Influence](/careerframework/{slug}#industry-influence) | TODO |\n");
            }
        }

        return page.ToString();
    }

    private static string Suffix(int index, int length) => index < length ? "" : $" {index / length + 1}";
}
