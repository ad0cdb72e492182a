namespace Vaarst.Growth.Core.Tests.Markdown;

/// <summary>Markdown built to exhaust a parser or renderer (issue 13): deep quotes, runs of brackets, deeply nested tables.</summary>
public static class HostileMarkdown
{
    public static string Quotes(int depth) => new string('>', depth) + " deep";

    public static string Brackets(int count) => new string('[', count);

    /// <summary>A pipe table inside <paramref name="depth"/> nested quotes.</summary>
    public static string NestedTables(int depth)
    {
        var prefix = string.Concat(Enumerable.Repeat("> ", depth));
        return $"{prefix}| a | b |\n{prefix}|---|---|\n{prefix}| 1 | 2 |";
    }

    public static TheoryData<string, string> All() => new()
    {
        { "5,000 quotes", Quotes(5_000) },
        { "100,000 brackets", Brackets(100_000) },
        { "19,000 brackets", Brackets(19_000) },
        { "20,000 nested tables", NestedTables(20_000) },
        { "1,000 nested tables", NestedTables(1_000) },
        { "40 nested lists", string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- item\n")) },
    };
}
