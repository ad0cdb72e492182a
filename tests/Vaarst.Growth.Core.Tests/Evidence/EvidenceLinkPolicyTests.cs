using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceLinkPolicyTests
{
    [Theory]
    [InlineData("javascript:alert(1)", "javascript:")]
    [InlineData("JavaScript:alert(1)", "javascript:")]
    [InlineData("JAVASCRIPT:alert(document.cookie)", "javascript:")]
    [InlineData("   javascript:alert(1)", "javascript:")]
    [InlineData("\u0001\u0000 javascript:alert(1)", "javascript:")]
    [InlineData("java\tscript:alert(1)", "javascript:")]
    [InlineData("java\nscript:alert(1)", "javascript:")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data:")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:")]
    [InlineData("vbscript:msgbox(1)", "vbscript:")]
    [InlineData("file:///etc/passwd", "file:")]
    [InlineData("ftp://example.com/file", "ftp:")]
    public void Normalise_dangerous_or_other_scheme_refused_naming_the_scheme(string url, string scheme)
    {
        var refusal = Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));

        Assert.Contains($"'{scheme}'", refusal.Message);
        Assert.Contains("http", refusal.Message);
    }

    [Theory]
    [InlineData("/foo")]
    [InlineData("foo.html")]
    [InlineData("github.com/org/repo/pull/1")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    public void Normalise_relative_or_scheme_relative_refused(string url)
    {
        var refusal = Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));

        Assert.Contains("https://", refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Normalise_empty_refused(string? url)
    {
        var refusal = Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));

        Assert.Contains("Enter the link", refusal.Message);
    }

    [Theory]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://github.com@evil.example/")]
    public void Normalise_credentials_in_link_refused(string url)
    {
        var refusal = Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));

        Assert.Contains("user name or password", refusal.Message);
    }

    [Theory]
    [InlineData("https:example.com")]
    [InlineData("http:///path-only")]
    [InlineData("https://exa mple.com/")]
    [InlineData("ht\ttps://example.com/")]
    public void Normalise_malformed_http_link_refused(string url)
    {
        Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));
    }

    [Fact]
    public void Normalise_link_longer_than_limit_refused()
    {
        var url = "https://example.com/" + new string('a', EvidenceLinkPolicy.MaxLength);

        var refusal = Assert.Throws<ValidationException>(() => EvidenceLinkPolicy.Normalise(url));

        Assert.Contains("2048", refusal.Message);
    }

    [Theory]
    [InlineData("https://github.com/org/repo/pull/42", "https://github.com/org/repo/pull/42")]
    [InlineData("  https://github.com/org/repo/pull/42 \n", "https://github.com/org/repo/pull/42")]
    [InlineData("HTTPS://Example.COM", "https://example.com/")]
    [InlineData("http://example.com:80/a/../b?q=1#frag", "http://example.com/b?q=1#frag")]
    [InlineData("https://example.com/my doc", "https://example.com/my%20doc")]
    public void Normalise_http_link_accepted_and_normalised(string url, string expected)
    {
        Assert.Equal(expected, EvidenceLinkPolicy.Normalise(url));
    }
}
