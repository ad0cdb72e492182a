using System.Text.RegularExpressions;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>What a quality prompt is about.</summary>
public enum EvidencePromptKind
{
    /// <summary>The evidence does not say what changed because of the work.</summary>
    NoResult = 0,

    /// <summary>No number, date or link to a result.</summary>
    NoMeasure = 1,

    /// <summary>It does not say what the engineer did themselves.</summary>
    NoOwnRole = 2,
}

/// <summary>The text of a piece of evidence the prompts look at.</summary>
public sealed record EvidenceText(string Title, string? Description, string? NoteMarkdown, string? LinkKind = null);

/// <summary>
/// Gentle prompts where evidence lacks a result, a measurable outcome or the engineer's own role. They are hints, never
/// refusals: nothing is blocked by them. The wording is in <see cref="EvidencePromptWording"/>.
/// </summary>
public static partial class EvidenceQuality
{
    /// <summary>Link kinds whose page is itself a result (an experiment run, a report).</summary>
    private static readonly string[] ResultLinkKinds = ["MlflowRun", "WandbReport"];

    /// <summary>The prompts one piece of evidence trips, in the order of <see cref="EvidencePromptKind"/>.</summary>
    public static IReadOnlyList<EvidencePromptKind> Check(EvidenceText evidence) => CheckAll([evidence]);

    /// <summary>
    /// The prompts an item's evidence trips taken together: a rule trips only when no piece of the evidence meets it
    /// (a pull request for the role and a benchmark note for the result make a strong item). No evidence, no prompts:
    /// the checklist already says an item needs evidence.
    /// </summary>
    public static IReadOnlyList<EvidencePromptKind> CheckAll(IEnumerable<EvidenceText> evidence)
    {
        var pieces = evidence.ToList();
        if (pieces.Count == 0)
        {
            return [];
        }

        var texts = pieces.Select(TextOf).ToList();
        var prompts = new List<EvidencePromptKind>();
        if (!texts.Any(HasResult))
        {
            prompts.Add(EvidencePromptKind.NoResult);
        }

        if (!texts.Any(t => Measure().IsMatch(t)) && !pieces.Any(p => ResultLinkKinds.Contains(p.LinkKind)))
        {
            prompts.Add(EvidencePromptKind.NoMeasure);
        }

        if (!texts.Any(t => OwnRole().IsMatch(t)))
        {
            prompts.Add(EvidencePromptKind.NoOwnRole);
        }

        return prompts;
    }

    private static string TextOf(EvidenceText e) => string.Join("\n", e.Title, e.Description, e.NoteMarkdown);

    private static bool HasResult(string text)
    {
        var structured = EvidenceStructure.Parse(text);
        return !string.IsNullOrWhiteSpace(structured.Result) || ResultWords().IsMatch(text);
    }

    // A number (also in a date or a percentage) or a link written into the text.
    [GeneratedRegex(@"\d|https?://", RegexOptions.IgnoreCase)]
    private static partial Regex Measure();

    [GeneratedRegex(@"\b(i|i'm|i've|i'd|my|me|myself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnRole();

    [GeneratedRegex(
        @"\b(result(s|ed|ing)?|outcome|impact|reduc(e|ed|es|ing|tion)|improv(e|ed|es|ing|ement)|increas(e|ed|es|ing)|decreas(e|ed|es|ing)|" +
        @"cut|fell|dropped|rose|grew|saved?|saving|faster|slower|fewer|less|lower(ed)?|higher|led to|so that|enabl(ed|es|ing)|shipped|launched|released|adopted|" +
        @"achiev(ed|es|ing)|resolv(ed|es|ing)|prevent(ed|s)?|unblock(ed|s)?|now)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultWords();
}
