using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class NoteRendererTests
{
    [Fact]
    public void ToSafeHtml_script_tag_shown_as_text_not_run()
    {
        var html = NoteRenderer.ToSafeHtml("Before <script>alert(1)</script> after");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void ToSafeHtml_script_block_shown_as_text_not_run()
    {
        var html = NoteRenderer.ToSafeHtml("<script>\nalert(1)\n</script>\n");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_img_with_event_handler_leaves_no_handler_element()
    {
        var html = NoteRenderer.ToSafeHtml("<img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html); // shown as text
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](  javascript:alert(1)  )")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x]: javascript:alert(1)\n\n[click][x]")]
    public void ToSafeHtml_script_link_target_removed(string markdown)
    {
        var html = NoteRenderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_script_autolink_kept_only_as_text()
    {
        var html = NoteRenderer.ToSafeHtml("<javascript:alert(1)>");

        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">javascript:alert(1)</a>", html);
    }

    [Fact]
    public void ToSafeHtml_https_link_kept_opening_safely_in_new_tab()
    {
        var html = NoteRenderer.ToSafeHtml("[ok](https://example.com)");

        Assert.Contains("href=\"https://example.com\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
        Assert.Contains("target=\"_blank\"", html);
        Assert.Contains(">ok</a>", html);
    }

    [Fact]
    public void ToSafeHtml_bare_address_and_mailto_become_links()
    {
        var html = NoteRenderer.ToSafeHtml("See https://github.com/org/repo/pull/1 or mail <mailto:lead@example.com>");

        Assert.Contains("href=\"https://github.com/org/repo/pull/1\"", html);
        Assert.Contains("href=\"mailto:lead@example.com\"", html);
    }

    [Fact]
    public void ToSafeHtml_markdown_formatting_rendered()
    {
        var html = NoteRenderer.ToSafeHtml("""
            **Shipped** the *drift* monitor ~~late~~.

            - item one
            - item two

            1. first

            - [x] done
            - [ ] todo

            | Metric | Value |
            | --- | ---: |
            | AUC | 0.93 |
            """);

        Assert.Contains("<strong>Shipped</strong>", html);
        Assert.Contains("<em>drift</em>", html);
        Assert.Contains("<del>late</del>", html);
        Assert.Contains("<li>item one</li>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<th>Metric</th>", html);
        Assert.Contains("0.93</td>", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("checked", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("class=", html);
    }

    [Fact]
    public void Validate_empty_note_refused()
    {
        Assert.Throws<ValidationException>(() => NoteRenderer.Validate(null));
        Assert.Throws<ValidationException>(() => NoteRenderer.Validate(" \n "));
    }

    [Fact]
    public void Validate_note_over_limit_refused_and_at_limit_accepted()
    {
        NoteRenderer.Validate(new string('a', NoteRenderer.MaxLength));

        var refusal = Assert.Throws<ValidationException>(() => NoteRenderer.Validate(new string('a', NoteRenderer.MaxLength + 1)));
        Assert.Contains("20,000", refusal.Message);
    }

    [Fact]
    public void Render_same_text_again_is_served_from_the_cache_by_content()
    {
        var text = $"A cached **note** {Guid.NewGuid()}";

        var first = NoteRenderer.Render(text);
        var again = NoteRenderer.Render(new string(text.AsSpan())); // equal text, another string instance

        Assert.Same(first, again);
        Assert.Contains("<strong>note</strong>", again.Html);
    }

    [Fact]
    public void Render_edited_text_gets_its_own_rendering_not_the_cached_one()
    {
        var id = Guid.NewGuid();
        var before = NoteRenderer.Render($"Shipped **v1** {id}");

        var after = NoteRenderer.Render($"Shipped **v2** {id}");

        Assert.Contains("<strong>v1</strong>", before.Html);
        Assert.Contains("<strong>v2</strong>", after.Html);
        Assert.DoesNotContain("v1", after.Html);
    }

    [Fact]
    public void Render_note_over_the_limits_is_cached_with_its_notice()
    {
        var deep = new string('>', 200) + $" {Guid.NewGuid()}";

        var first = NoteRenderer.Render(deep);
        var again = NoteRenderer.Render(deep);

        Assert.True(first.IsPlainText);
        Assert.NotNull(again.Notice);
        Assert.Same(first, again);
    }
}
