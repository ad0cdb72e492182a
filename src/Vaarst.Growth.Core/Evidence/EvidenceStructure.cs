namespace Vaarst.Growth.Core.Evidence;

/// <summary>The optional structure of a description: situation, what I did, result (any may be empty).</summary>
public sealed record StructuredDescription(string? Situation, string? WhatIDid, string? Result, string? Other)
{
    public bool IsStructured => Situation is not null || WhatIDid is not null || Result is not null;
}

/// <summary>
/// Writes the optional situation / what I did / result structure into an evidence description as labelled lines
/// ("Situation: …"), and reads it back for editing. A description without the labels is plain text.
/// </summary>
public static class EvidenceStructure
{
    private static readonly string[] Labels = [EvidencePromptWording.Situation, EvidencePromptWording.WhatIDid, EvidencePromptWording.Result];

    /// <summary>The description: the filled parts, each on its own labelled paragraph; null when all are empty.</summary>
    public static string? Compose(string? situation, string? whatIDid, string? result)
    {
        var parts = new[] { situation, whatIDid, result }
            .Select((text, i) => string.IsNullOrWhiteSpace(text) ? null : $"{Labels[i]}: {text.Trim()}")
            .Where(p => p is not null)
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    /// <summary>Splits a description written by <see cref="Compose"/>; text before the first label is <c>Other</c>.</summary>
    public static StructuredDescription Parse(string? description)
    {
        var found = new string?[3];
        var other = new List<string>();
        var current = -1;
        foreach (var line in (description ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var label = Array.FindIndex(Labels, l => line.StartsWith(l + ":", StringComparison.OrdinalIgnoreCase));
            if (label >= 0)
            {
                current = label;
                found[label] = line[(Labels[label].Length + 1)..].Trim();
            }
            else if (current >= 0)
            {
                found[current] = (found[current] + "\n" + line).Trim();
            }
            else
            {
                other.Add(line);
            }
        }

        var rest = string.Join("\n", other).Trim();
        return new StructuredDescription(
            Empty(found[0]), Empty(found[1]), Empty(found[2]), rest.Length == 0 ? null : rest);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
