using System.Globalization;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Vaarst.Growth.Core;

/// <summary>Something in a Markdown text that is over a limit. <paramref name="Line"/> is 1-based, or 0 for the whole text.</summary>
public sealed record MarkdownProblem(int Line, string Message);

/// <summary>
/// The limits every Markdown text people write (evidence notes, framework pages) is held to, in one place. Markdig and
/// the HTML sanitizer walk documents recursively, so a text nested thousands deep (5,000 '>', 100,000 '[', tables in
/// 20,000 quotes) can make them throw or exhaust the stack; within these limits they cannot.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Quotes, lists, tables, emphasis and links inside each other, counted together.</summary>
    public const int MaxNestingDepth = 32;

    public const int MaxNoteLength = 20_000;

    public const int MaxFrameworkPageLength = 1_000_000;

    public const int MaxLineLength = 20_000;

    /// <summary>
    /// Parses <paramref name="text"/> if it is within the limits; otherwise returns null and the first problem. Never
    /// throws for any text: a parser failure is a problem too.
    /// </summary>
    public static MarkdownDocument? Parse(string text, MarkdownPipeline pipeline, int maxLength, out MarkdownProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = Scan(text, maxLength);
        if (problem is not null)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, pipeline);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Markdig refuses some inputs itself (e.g. "too deeply nested"); whatever it is, it is a problem of the text.
            problem = new MarkdownProblem(0, TooDeep);
            return null;
        }

        problem = Deepest(document);
        return problem is null ? document : null;
    }

    private static string TooDeep => string.Create(CultureInfo.InvariantCulture,
        $"The Markdown is nested too deeply (more than {MaxNestingDepth} levels of quotes, lists, tables or brackets inside each other); simplify it.");

    /// <summary>What can be seen without parsing: size, line length, and quote and bracket depth, line by line.</summary>
    private static MarkdownProblem? Scan(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return new MarkdownProblem(0, string.Create(CultureInfo.InvariantCulture, $"The text is {text.Length:N0} characters long; the limit is {maxLength:N0}."));
        }

        var line = 1;
        var lineStart = 0;
        var brackets = 0;
        var quotes = 0;
        var leading = true;
        var blank = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c == '\n')
            {
                if (i - lineStart > MaxLineLength)
                {
                    return new MarkdownProblem(line, string.Create(CultureInfo.InvariantCulture,
                        $"The line is {i - lineStart:N0} characters long; the limit is {MaxLineLength:N0}."));
                }

                // An unclosed bracket does not carry over a blank line in Markdown (nor, in practice, in front matter).
                if (blank)
                {
                    brackets = 0;
                }

                line++;
                lineStart = i + 1;
                quotes = 0;
                leading = true;
                blank = true;
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                blank = false;
            }

            if (leading && c == '>')
            {
                quotes++;
            }
            else if (c is not (' ' or '\t'))
            {
                leading = false;
            }

            if (c is '[' or '{' && (i == 0 || text[i - 1] != '\\'))
            {
                brackets++;
            }
            else if (c is ']' or '}' && brackets > 0)
            {
                brackets--;
            }

            if (quotes > MaxNestingDepth || brackets > MaxNestingDepth)
            {
                return new MarkdownProblem(line, TooDeep);
            }
        }

        return null;
    }

    /// <summary>The first block or inline deeper than the limit, walked without recursion.</summary>
    private static MarkdownProblem? Deepest(MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxNestingDepth)
            {
                return new MarkdownProblem(node.Line + 1, TooDeep);
            }

            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return null;
    }
}
