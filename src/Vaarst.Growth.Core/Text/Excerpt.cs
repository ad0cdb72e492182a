using System.Globalization;

namespace Vaarst.Growth.Core.Text;

/// <summary>
/// Shortens text people wrote for a message, a title or a list, the same way everywhere: at most a given number of
/// user-perceived characters (text elements), never splitting a surrogate pair or a letter from its combining marks,
/// ending with one "…".
/// </summary>
public static class Excerpt
{
    public const string Ellipsis = "…";

    /// <summary>Length of a notification, audit summary or problem message quoting a statement, title or comment.</summary>
    public const int Message = 60;

    /// <summary>
    /// <paramref name="text"/> if it has at most <paramref name="maxLength"/> text elements; otherwise its first
    /// <paramref name="maxLength"/> − 1 text elements and "…" (so the result is <paramref name="maxLength"/> text elements).
    /// </summary>
    public static string Of(string text, int maxLength = Message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text; // Never more text elements than UTF-16 units.
        }

        var elements = StringInfo.GetTextElementEnumerator(text);
        var count = 0;
        var cut = 0;
        while (elements.MoveNext())
        {
            if (++count == maxLength)
            {
                cut = elements.ElementIndex;
            }
            else if (count > maxLength)
            {
                return text[..cut] + Ellipsis;
            }
        }

        return text;
    }

    /// <summary>
    /// <paramref name="text"/> cut to fit a stored column of <paramref name="maxUnits"/> UTF-16 code units (the unit
    /// database lengths count in): whole text elements only, then "…", never over <paramref name="maxUnits"/>.
    /// </summary>
    public static string Fit(string text, int maxUnits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnits, Ellipsis.Length);
        if (text.Length <= maxUnits)
        {
            return text;
        }

        var room = maxUnits - Ellipsis.Length;
        var elements = StringInfo.GetTextElementEnumerator(text);
        var cut = 0;
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > room)
            {
                break;
            }

            cut = end;
        }

        return text[..cut] + Ellipsis;
    }
}
