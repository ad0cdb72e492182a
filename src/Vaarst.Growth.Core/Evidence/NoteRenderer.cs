using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Microsoft.Extensions.Caching.Memory;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>A note as HTML that is safe to show. <paramref name="Notice"/> says why a note is shown as plain text, when it is.</summary>
public sealed record RenderedNote(string Html, bool IsPlainText, string? Notice);

/// <summary>Renders an engineer's Markdown evidence note to HTML that is safe to show to anyone.</summary>
public static class NoteRenderer
{
    public const int MaxLength = MarkdownLimits.MaxNoteLength;

    // A built MarkdownPipeline is immutable and documented as safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // HtmlSanitizer documents Sanitize() as thread-safe on a shared instance as long as its properties are not changed
    // concurrently; this one is configured once here and never changed again, and its event handler keeps no state.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Renderings by content hash: the evidence library, the item and review pages show the same notes on every request,
    // and Markdig + HtmlSanitizer cost ~15 % of an /evidence prerender (docs/performance.md, #15 fourth round). The
    // rendering depends on nothing but the text, so a note edited is a new key; SHA-256 keeps two texts from sharing one.
    // Bounded by the characters of HTML held (~16 MB), least recently used first out.
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 8_000_000, CompactionPercentage = 0.25 });

    /// <summary>
    /// Markdown (pipe tables, strikethrough and other emphasis extras, task lists, auto-links) to sanitised HTML: raw HTML
    /// in the note is shown as text, links keep only http, https and mailto addresses and open in a new tab with
    /// <c>rel="noopener noreferrer"</c>. Never throws: a note over <see cref="MarkdownLimits"/> (one stored before the
    /// limits, say) comes back as its text, escaped, with a <see cref="RenderedNote.Notice"/> to show beside it.
    /// </summary>
    public static RenderedNote Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var key = KeyOf(markdown);
        if (Rendered.TryGetValue(key, out RenderedNote? cached) && cached is not null)
        {
            return cached;
        }

        var rendered = RenderUncached(markdown);
        Rendered.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Html.Length + (rendered.Notice?.Length ?? 0) + 64 });
        return rendered;
    }

    private static RenderedNote RenderUncached(string markdown)
    {
        var (html, problem) = TryRender(markdown);
        return html is not null
            ? new RenderedNote(html, false, null)
            : new RenderedNote($"<pre class=\"note-plain\">{WebUtility.HtmlEncode(markdown)}</pre>", true,
                $"This note is shown as written, not formatted: {Lowercase(problem!.Message)}");
    }

    /// <summary>The HTML of <see cref="Render"/> (formatted, or the escaped text).</summary>
    public static string ToSafeHtml(string markdown) => Render(markdown).Html;

    /// <summary>
    /// Throws <see cref="ValidationException"/> when the note is empty, longer than <see cref="MaxLength"/> characters,
    /// or over any other <see cref="MarkdownLimits"/> (so it could not be shown formatted).
    /// </summary>
    public static void Validate(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new ValidationException("Write the note before saving it.");
        }

        if (markdown.Length > MaxLength)
        {
            throw new ValidationException(string.Create(CultureInfo.InvariantCulture,
                $"The note is {markdown.Length:N0} characters long; the limit is {MaxLength:N0}."));
        }

        if (TryRender(markdown.Trim()).Problem is { } problem)
        {
            throw new ValidationException(problem.Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"The note cannot be saved (line {problem.Line}): {Lowercase(problem.Message)}")
                : $"The note cannot be saved: {Lowercase(problem.Message)}");
        }
    }

    private static (string? Html, MarkdownProblem? Problem) TryRender(string markdown)
    {
        var document = MarkdownLimits.Parse(markdown, Pipeline, MaxLength, out var problem);
        if (document is null)
        {
            return (null, problem);
        }

        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            // Markdig escapes raw HTML already; the sanitizer is the second line of defence (e.g. javascript: link targets).
            return (Sanitizer.Sanitize(writer.ToString()), null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return (null, new MarkdownProblem(0, "The note could not be formatted."));
        }
    }

    private readonly record struct NoteKey(UInt128 High, UInt128 Low);

    private static NoteKey KeyOf(string markdown)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(markdown.AsSpan()), hash);
        return new NoteKey(BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
    }

    private static string Lowercase(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            // Exactly what the Markdig pipeline above produces; nothing else is needed.
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup",
                "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "start", "type", "checked", "disabled",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                case "a":
                    element.SetAttribute("rel", "noopener noreferrer");
                    element.SetAttribute("target", "_blank");
                    break;
                case "img":
                    element.SetAttribute("referrerpolicy", "no-referrer");
                    element.SetAttribute("loading", "lazy");
                    break;
                case "input":
                    // Task-list boxes are a picture of the note's state, not a control.
                    element.SetAttribute("type", "checkbox");
                    element.SetAttribute("disabled", "disabled");
                    break;
            }
        };
        return sanitizer;
    }
}
