using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\ana\\Desktop\\report.pdf", "report.pdf")]
    [InlineData("a<b>c.pdf", "abc.pdf")]
    [InlineData("what:is|this?*\".txt", "whatisthis.txt")]
    [InlineData("  ..hidden. . ", "hidden")]
    [InlineData("line\r\nbreak\u0000.md", "linebreak.md")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("CON.txt", "evidence-CON.txt")]
    [InlineData("résumé 2025.pdf", "résumé 2025.pdf")]
    public void From_unsafe_name_returns_safe_last_segment(string name, string expected)
    {
        Assert.Equal(expected, SafeFileName.From(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData("dir/..")]
    [InlineData("<>|")]
    public void From_empty_or_nothing_left_returns_fallback(string? name)
    {
        Assert.Equal("evidence", SafeFileName.From(name));
    }

    [Fact]
    public void From_very_long_name_keeps_extension_within_limit()
    {
        var result = SafeFileName.From(new string('x', 500) + ".ipynb");

        Assert.Equal(SafeFileName.MaxLength, result.Length);
        Assert.EndsWith("x.ipynb", result);
    }

    [Fact]
    public void From_very_long_name_does_not_split_surrogate_pair()
    {
        var result = SafeFileName.From(string.Concat(Enumerable.Repeat("😀", 100)) + ".md");

        Assert.True(result.Length <= SafeFileName.MaxLength);
        Assert.EndsWith("😀.md", result);
    }
}
