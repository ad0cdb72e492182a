namespace Vaarst.Growth.Core.Framework;

/// <summary>One framework Markdown page (one craft at one level) as the parser read it.</summary>
/// <param name="File">The path the page was read from, as given to the parser (used in messages).</param>
/// <param name="Framework">The framework name, from the front matter's <c>grand_parent</c>.</param>
/// <param name="Craft">The craft name, from the front matter's <c>parent</c>.</param>
/// <param name="Level">The level number, from a title such as <c>Level 4 (Mid)</c>.</param>
/// <param name="LevelTitle">The level title, e.g. <c>Mid</c>.</param>
/// <param name="Permalink">The page's permalink, when the front matter has one.</param>
/// <param name="Sections">The <c>## Craft - X</c> sections in page order.</param>
public sealed record FrameworkPage(
    string File,
    string Framework,
    string Craft,
    int Level,
    string LevelTitle,
    string? Permalink,
    IReadOnlyList<PageSection> Sections);

/// <summary>A <c>## Craft - X</c> section. <c>All</c> applies to every engineer of the craft; any other name is a specialism.</summary>
public sealed record PageSection(string Name, int Line, IReadOnlyList<PageArea> Areas)
{
    public const string AllName = "All";

    public bool AppliesToAll => string.Equals(Name, AllName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A table row: an area and its statements. <see cref="Defined"/> is false for a <c>TODO</c> cell,
/// which then has no statements and is never counted in a gap or readiness figure.
/// </summary>
public sealed record PageArea(string Name, string Anchor, string? Link, bool Defined, int Line, IReadOnlyList<string> Statements);

/// <summary>A problem found in a page, reported as <c>file:line: message</c>.</summary>
public sealed record FrameworkProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What parsing one or more pages produced. Pages are only usable when <see cref="Problems"/> is empty.</summary>
public sealed record FrameworkParseResult(IReadOnlyList<FrameworkPage> Pages, IReadOnlyList<FrameworkProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
