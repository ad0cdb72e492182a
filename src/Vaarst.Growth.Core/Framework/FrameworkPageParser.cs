using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax.Inlines;
using Markdig.Syntax;
using Markdig;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vaarst.Growth.Core.Framework;

/// <summary>Reads framework Markdown pages (YAML front matter + <c>## Craft - X</c> sections with pipe tables).</summary>
public static partial class FrameworkPageParser
{
    private const string TodoCell = "TODO";

    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    /// <summary>Parses one page's text. <paramref name="file"/> names the page in problems.</summary>
    public static FrameworkParseResult Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);

        var reader = new PageReader(file, text);
        var page = reader.Read();
        return new FrameworkParseResult(page is null ? [] : [page], reader.Problems);
    }

    /// <summary>Parses a file, or every <c>*.md</c> file under a folder (recursively, in ordinal path order).</summary>
    public static FrameworkParseResult ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        if (File.Exists(path))
        {
            return ParseFiles([path]);
        }

        if (!Directory.Exists(path))
        {
            return new FrameworkParseResult([], [new FrameworkProblem(path, 0, "There is no file or folder at this path.")]);
        }

        // Files are named relative to the folder as given (not made absolute) so messages stay readable.
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(path, f))
            .Order(StringComparer.Ordinal)
            .Select(relative => Path.Combine(path, relative))
            .ToList();

        // Importing nothing is almost certainly a wrong folder, not an intent to empty the framework.
        return files.Count == 0
            ? new FrameworkParseResult([], [new FrameworkProblem(path, 0, "The folder holds no framework pages (*.md files).")])
            : ParseFiles(files);
    }

    /// <summary>
    /// Parses several pages given as text (e.g. uploaded files), in the order given. Each page is named by its
    /// <c>File</c> in problems; two pages for the same level of a craft are a problem on the second one.
    /// </summary>
    public static FrameworkParseResult ParseAll(IEnumerable<(string File, string Text)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return ParseAll(pages.Select(p => (p.File, (string?)p.Text, (FrameworkProblem?)null)));
    }

    private static FrameworkParseResult ParseFiles(IReadOnlyList<string> files) => ParseAll(files.Select(Read));

    private static (string File, string? Text, FrameworkProblem? ReadProblem) Read(string file)
    {
        try
        {
            return (file, File.ReadAllText(file), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (file, null, new FrameworkProblem(file, 0, $"The page could not be read: {e.Message}"));
        }
    }

    private static FrameworkParseResult ParseAll(IEnumerable<(string File, string? Text, FrameworkProblem? ReadProblem)> pagesToParse)
    {
        var pages = new List<FrameworkPage>();
        var problems = new List<FrameworkProblem>();
        var firstFileOfLevel = new Dictionary<(string Framework, string Craft, int Level), string>(LevelKeyComparer.Instance);

        foreach (var (file, text, readProblem) in pagesToParse)
        {
            if (text is null)
            {
                problems.Add(readProblem!);
                continue;
            }

            var result = Parse(file, text);
            problems.AddRange(result.Problems);
            foreach (var page in result.Pages)
            {
                var key = (page.Framework, page.Craft, page.Level);
                if (firstFileOfLevel.TryGetValue(key, out var firstFile))
                {
                    problems.Add(new FrameworkProblem(file, 1,
                        $"Level {page.Level} of the craft '{page.Craft}' in '{page.Framework}' is already defined by {firstFile}; each level of a craft needs exactly one page."));
                    continue;
                }

                firstFileOfLevel.Add(key, file);
                pages.Add(page);
            }
        }

        return new FrameworkParseResult(pages, problems);
    }

    /// <summary>
    /// Splits a description cell into statements. Two or more breaks in a row separate statements
    /// (<c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c>, <c>&lt;br /&gt;</c>, any case, whitespace allowed between them).
    /// A lone break is kept in the statement's text as written: it is part of one statement, and
    /// keeping it means the text still matches the source, which statement identity relies on.
    /// </summary>
    internal static IReadOnlyList<string> SplitStatements(string description) =>
        StatementSeparator().Split(description)
            .Select(piece => piece.Replace(@"\|", "|", StringComparison.Ordinal).Trim())
            .Where(piece => piece.Length > 0)
            .ToList();

    /// <summary>Lowercase, runs of anything but letters and digits become '-', no '-' at either end.</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    [GeneratedRegex(@"<br\s*/?>(?:\s*<br\s*/?>)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatementSeparator();

    [GeneratedRegex(@"^Level\s+(\d+)\s*\(\s*(.*?)\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LevelTitlePattern();

    [GeneratedRegex(@"^Craft\s*[-–—]\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CraftHeadingPattern();

    // YamlDotNet prefixes messages with positions relative to the front matter, which would
    // contradict the page line we report.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPosition();

    private sealed record FrontMatter(string Framework, string Craft, int Level, string LevelTitle, string? Permalink);

    private sealed class SectionBuilder(string name, int line)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public List<PageArea> Areas { get; } = [];
        public Dictionary<string, int> AnchorLines { get; } = new(StringComparer.OrdinalIgnoreCase);
        public bool HasRows { get; set; }
    }

    private sealed class LevelKeyComparer : IEqualityComparer<(string Framework, string Craft, int Level)>
    {
        public static readonly LevelKeyComparer Instance = new();

        public bool Equals((string Framework, string Craft, int Level) x, (string Framework, string Craft, int Level) y) =>
            x.Level == y.Level
            && StringComparer.OrdinalIgnoreCase.Equals(x.Framework, y.Framework)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Craft, y.Craft);

        public int GetHashCode((string Framework, string Craft, int Level) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Framework),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Craft),
            key.Level);
    }

    /// <summary>Reads one page, collecting every problem rather than stopping at the first.</summary>
    private sealed class PageReader(string file, string text)
    {
        // With one line ending, CRLF and LF pages give identical spans, text and results.
        private readonly string _text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        private readonly List<FrameworkProblem> _problems = [];

        public IReadOnlyList<FrameworkProblem> Problems => _problems.OrderBy(p => p.Line).ToList();

        public FrameworkPage? Read()
        {
            var document = MarkdownLimits.Parse(_text, _pipeline, MarkdownLimits.MaxFrameworkPageLength, out var tooMuch);
            if (document is null)
            {
                Report(tooMuch!.Line, tooMuch.Message);
                return null;
            }

            var frontMatter = ReadFrontMatter(document);
            var sections = ReadSections(document);

            // A page with any problem is not imported at all, so nothing is half-imported.
            if (frontMatter is null || _problems.Count > 0)
            {
                return null;
            }

            return new FrameworkPage(
                file,
                frontMatter.Framework,
                frontMatter.Craft,
                frontMatter.Level,
                frontMatter.LevelTitle,
                frontMatter.Permalink,
                sections);
        }

        private void Report(int line, string message) => _problems.Add(new FrameworkProblem(file, line, message));

        private FrontMatter? ReadFrontMatter(MarkdownDocument document)
        {
            if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
            {
                Report(1, "The page has no front matter: it must start with a '---' line, then the title, parent and grand_parent lines, then another '---' line.");
                return null;
            }

            var openingLine = block.Line + 1;
            var lines = block.Lines.Lines.Take(block.Lines.Count).ToList();
            // StringLine.Line is 0-based and YamlDotNet's Mark.Line 1-based, so their sum is the page's 1-based line.
            var yamlFirstLine = lines.Count > 0 ? lines[0].Line : block.Line + 1;
            var yaml = string.Join('\n', lines.Select(l => l.Slice.ToString()));

            YamlMappingNode? mapping;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                mapping = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
            }
            catch (YamlException e)
            {
                Report(yamlFirstLine + (int)e.Start.Line, $"The front matter is not valid YAML: {YamlPosition().Replace(e.Message, "")}");
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet 18 throws this, without a position, for some unterminated flow collections such as 'parent: [x'.
                Report(openingLine, "The front matter is not valid YAML: check for an unclosed bracket or quote.");
                return null;
            }

            if (mapping is null)
            {
                Report(openingLine, "The front matter must be 'key: value' lines, such as 'title: Level 4 (Mid)'.");
                return null;
            }

            var fields = mapping;

            // The key's line, not the value's: a value may start on a later line (e.g. a list).
            int KeyLine(string key) => yamlFirstLine + (int)fields.Children.Keys.First(k => k is YamlScalarNode { Value: var name } && name == key).Start.Line;

            string? Value(string key, string example)
            {
                if (!fields.Children.TryGetValue(new YamlScalarNode(key), out var node))
                {
                    Report(openingLine, $"The front matter has no '{key}' line (for example '{key}: {example}').");
                    return null;
                }

                if (node is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
                {
                    Report(KeyLine(key), $"The front matter's '{key}' must be a single, non-empty value (for example '{key}: {example}').");
                    return null;
                }

                return TooLong(KeyLine(key), $"The front matter's '{key}'", value.Trim(), MaxLengthOf(key)) ? null : value.Trim();
            }

            static int MaxLengthOf(string key) => key switch
            {
                "parent" => TextLimits.CraftName,
                "grand_parent" => TextLimits.FrameworkName,
                _ => TextLimits.LevelTitle,
            };

            var title = Value("title", "Level 4 (Mid)");
            var craft = Value("parent", "ML and Edge ML Engineer Craft");
            var framework = Value("grand_parent", "Vaarst Career Framework");
            var permalink = mapping.Children.TryGetValue(new YamlScalarNode("permalink"), out var permalinkNode)
                ? (permalinkNode as YamlScalarNode)?.Value?.Trim()
                : null;
            if (permalink is not null && TooLong(KeyLine("permalink"), "The front matter's 'permalink'", permalink, TextLimits.Permalink))
            {
                permalink = null;
            }

            int level = 0;
            string? levelTitle = null;
            if (title is not null)
            {
                var match = LevelTitlePattern().Match(title);
                if (match.Success
                    && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out level)
                    && match.Groups[2].Length > 0)
                {
                    levelTitle = match.Groups[2].Value;
                }
                else
                {
                    Report(KeyLine("title"), $"The title '{title}' must look like 'Level 4 (Mid)': the word Level, the level number, then the level's name in brackets.");
                }
            }

            return framework is null || craft is null || levelTitle is null
                ? null
                : new FrontMatter(framework, craft, level, levelTitle, string.IsNullOrEmpty(permalink) ? null : permalink);
        }

        private List<PageSection> ReadSections(MarkdownDocument document)
        {
            var sections = new List<SectionBuilder>();
            SectionBuilder? current = null;

            foreach (var block in document)
            {
                switch (block)
                {
                    // Only level 1 and 2 headings end a section, so a ### note inside one keeps its tables in it.
                    case HeadingBlock { Level: <= 2 } heading:
                        current = StartSection(heading, sections);
                        break;

                    case Table table when current is null:
                        Report(table.Line + 1, "This table is not under a '## Craft - <name>' heading, so its areas belong to no section; add the heading above it.");
                        break;

                    case Table table:
                        ReadTable(table, current);
                        break;

                    case ParagraphBlock paragraph when Source(paragraph).TrimStart().StartsWith('|'):
                        Report(paragraph.Line + 1, "This line starts with '|' but is not part of a table: a table needs a header row followed by a '|:---|:---|' line.");
                        break;
                }
            }

            if (sections.Count == 0)
            {
                Report(1, "The page has no '## Craft - <name>' section, so it defines no areas; add e.g. '## Craft - All' followed by an Area | Description table.");
            }

            // Sections whose rows are all wrong already have a problem on each row.
            foreach (var section in sections.Where(s => !s.HasRows))
            {
                Report(section.Line, $"The section '{section.Name}' has no areas: add a table with an 'Area | Description' header and one row per area.");
            }

            return sections.Select(s => new PageSection(s.Name, s.Line, s.Areas)).ToList();
        }

        private SectionBuilder? StartSection(HeadingBlock heading, List<SectionBuilder> sections)
        {
            var match = heading.Level == 2 ? CraftHeadingPattern().Match(PlainText(heading.Inline).Trim()) : Match.Empty;
            if (!match.Success)
            {
                return null;
            }

            var line = heading.Line + 1;
            var name = match.Groups[1].Value.Trim();
            if (name.Length == 0)
            {
                Report(line, "This '## Craft - ' heading has no section name; write e.g. '## Craft - All'.");
                return null;
            }

            TooLong(line, $"The section name '{Excerpt.Of(name)}'", name, TextLimits.SectionName);
            var earlier = sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (earlier is not null)
            {
                Report(line, $"The section '{name}' is already on line {earlier.Line}; each section may appear only once in a page.");
            }

            var section = new SectionBuilder(name, line);
            // A duplicate is still read, so problems in its rows are reported too; the page is rejected anyway.
            if (earlier is null)
            {
                sections.Add(section);
            }

            return section;
        }

        private void ReadTable(Table table, SectionBuilder section)
        {
            var rows = table.OfType<TableRow>().ToList();
            section.HasRows |= rows.Count > 1;
            var headerCells = rows.Count > 0 ? Cells(rows[0]) : [];
            if (headerCells.Count != 2)
            {
                Report(table.Line + 1, $"This table has {headerCells.Count} columns; it must have two: Area and Description.");
                return;
            }

            // Every row is one source line right after the previous one (the delimiter follows the header);
            // Markdig gives an all-empty row no position, so its line is taken from its neighbour.
            var previousLine = rows[0].Line + 1;
            foreach (var row in rows.Skip(1))
            {
                var line = row.Span.Length > 0 ? row.Line : previousLine + 1;
                previousLine = line;
                ReadRow(row, line + 1, section);
            }
        }

        private void ReadRow(TableRow row, int line, SectionBuilder section)
        {
            var cells = Cells(row);
            if (cells.Count != 2)
            {
                Report(line, $"This row has {cells.Count} cells but an area row needs two: '| Area | Description |' (write a '|' inside a description as '\\|').");
                return;
            }

            var area = ReadAreaCell(cells[0], line);
            if (area is { } found && !section.AnchorLines.TryAdd(found.Anchor, line))
            {
                Report(line, $"The area '{found.Name}' has the anchor '{found.Anchor}', which the area on line {section.AnchorLines[found.Anchor]} already uses; each area in a section needs its own anchor.");
                area = null;
            }

            // The description is checked even when the area cell is wrong, so one pass reports both.
            var description = Source(cells[1]).Trim();
            var defined = description != TodoCell;
            var statements = defined ? SplitStatements(description) : [];
            if (defined && statements.Count == 0)
            {
                var subject = area is { } named ? $"The area '{named.Name}'" : "This row";
                Report(line, $"{subject} has an empty description: write its statements separated by <br><br>, or TODO if they are not written yet.");
                return;
            }

            for (var i = 0; i < statements.Count; i++)
            {
                TooLong(line, $"Statement {i + 1} of the area '{Excerpt.Of(area?.Name ?? "")}'", statements[i], TextLimits.StatementText);
            }

            if (area is { } valid)
            {
                section.Areas.Add(new PageArea(valid.Name, valid.Anchor, valid.Link, defined, line, statements));
            }
        }

        private (string Name, string? Link, string Anchor)? ReadAreaCell(TableCell cell, int line)
        {
            var inline = cell.OfType<ParagraphBlock>().FirstOrDefault()?.Inline;
            var content = inline?.Where(i => i is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).ToList() ?? [];
            var link = content.OfType<LinkInline>().FirstOrDefault(l => !l.IsImage);

            if (link is not null && content.Count > 1)
            {
                Report(line, "The area cell must be just a link such as '[ML Ops](/careerframework/mlengineer#ml-ops)', or just the area's name.");
                return null;
            }

            var name = PlainText(link ?? inline).Trim();
            if (name.Length == 0)
            {
                Report(line, "This row has no area name in its first cell.");
                return null;
            }

            var url = string.IsNullOrWhiteSpace(link?.Url) ? null : link.Url.Trim();
            var hash = url?.IndexOf('#') ?? -1;
            var anchor = hash >= 0 && hash < url!.Length - 1 ? url[(hash + 1)..] : Slug(name);
            if (anchor.Length == 0)
            {
                Report(line, $"The area '{name}' gives no anchor: link it as '[{name}](/path#anchor)' or use letters or digits in its name.");
                return null;
            }

            var tooLong = TooLong(line, $"The area name '{Excerpt.Of(name)}'", name, TextLimits.AreaName);
            tooLong |= TooLong(line, $"The anchor of the area '{Excerpt.Of(name)}'", anchor, TextLimits.AreaAnchor);
            tooLong |= url is not null && TooLong(line, $"The link of the area '{Excerpt.Of(name)}'", url, TextLimits.AreaLink);
            return tooLong ? null : (name, url, anchor);
        }

        /// <summary>Reports text longer than its column allows (SQL Server would refuse it; SQLite would keep it).</summary>
        private bool TooLong(int line, string what, string text, int max)
        {
            if (text.Length <= max)
            {
                return false;
            }

            Report(line, $"{what} is {text.Length:N0} characters long; the limit is {max:N0}.");
            return true;
        }


        private string Source(Block block) =>
            block.Span.Length > 0 ? _text.Substring(block.Span.Start, block.Span.Length) : "";

        // Markdig pads short rows with cells up to the widest row; only cells read from the source hold a paragraph.
        private static List<TableCell> Cells(TableRow row) => row.OfType<TableCell>().Where(c => c.Count > 0).ToList();

        private static string PlainText(ContainerInline? container)
        {
            var text = new StringBuilder();
            Append(container);
            return text.ToString();

            void Append(ContainerInline? parent)
            {
                if (parent is null)
                {
                    return;
                }

                foreach (var inline in parent)
                {
                    switch (inline)
                    {
                        case LiteralInline literal: text.Append(literal.Content); break;
                        case CodeInline code: text.Append(code.Content); break;
                        case HtmlEntityInline entity: text.Append(entity.Transcoded); break;
                        case LineBreakInline: text.Append(' '); break;
                        case ContainerInline child: Append(child); break;
                    }
                }
            }
        }
    }
}
