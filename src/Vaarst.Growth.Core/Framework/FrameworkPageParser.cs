namespace Vaarst.Growth.Core.Framework;

/// <summary>Reads framework Markdown pages (YAML front matter + <c>## Craft - X</c> sections with pipe tables).</summary>
public static class FrameworkPageParser
{
    /// <summary>Parses one page's text. <paramref name="file"/> names the page in problems.</summary>
    public static FrameworkParseResult Parse(string file, string text) =>
        throw new NotImplementedException("The parser is being written.");

    /// <summary>Parses a file, or every <c>*.md</c> file under a folder (recursively, in ordinal path order).</summary>
    public static FrameworkParseResult ParsePath(string path) =>
        throw new NotImplementedException("The parser is being written.");
}
