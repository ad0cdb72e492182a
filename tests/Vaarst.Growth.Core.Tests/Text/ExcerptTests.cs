using System.Globalization;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Tests.Text;

public sealed class ExcerptTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("exactly ten")]
    public void Of_text_within_the_limit_is_unchanged(string text) =>
        Assert.Equal(text, Excerpt.Of(text, 11));

    [Fact]
    public void Of_longer_text_keeps_limit_minus_one_elements_and_one_ellipsis()
    {
        Assert.Equal("abcd…", Excerpt.Of("abcdefghij", 5));
        Assert.Equal(new string('x', 59) + "…", Excerpt.Of(new string('x', 100)));
    }

    [Fact]
    public void Of_never_splits_a_surrogate_pair()
    {
        // Each 🚀 is two UTF-16 units; a cut by units at 5 would leave half of one.
        var text = string.Concat(Enumerable.Repeat("🚀", 10));

        var excerpt = Excerpt.Of(text, 5);

        Assert.Equal("🚀🚀🚀🚀…", excerpt);
        Assert.True(IsWellFormed(excerpt));
    }

    [Fact]
    public void Of_keeps_a_letter_with_its_combining_marks_and_counts_it_once()
    {
        // "e" + combining acute, and a family emoji joined by zero-width joiners: one text element each.
        var accented = string.Concat(Enumerable.Repeat("e\u0301", 6));
        var family = "👩‍👩‍👧‍👦";

        Assert.Equal(accented, Excerpt.Of(accented, 6));
        Assert.Equal("e\u0301e\u0301…", Excerpt.Of(accented, 3));
        Assert.Equal("ab" + family + "…", Excerpt.Of("ab" + family + family + "cd", 4));
        Assert.Equal(4, new StringInfo(Excerpt.Of("ab" + family + family + "cd", 4)).LengthInTextElements);
    }

    [Fact]
    public void Fit_stays_within_the_stored_units_without_splitting_an_element()
    {
        var text = "ab" + string.Concat(Enumerable.Repeat("🚀", 10));

        var fitted = Excerpt.Fit(text, 6);

        // 5 units of room before the ellipsis: "ab" + one rocket (2 units) = 4; a second rocket would need 6.
        Assert.Equal("ab🚀…", fitted);
        Assert.True(fitted.Length <= 6);
        Assert.True(IsWellFormed(fitted));
        Assert.Equal("abc", Excerpt.Fit("abc", 3));
        Assert.Equal("ab…", Excerpt.Fit("abcd", 3));
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
