using System.Text;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceFileTypesTests
{
    private static readonly byte[] MinimalPdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray();
    private static readonly byte[] MinimalPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] MinimalJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];
    private static readonly byte[] MinimalZip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static TheoryData<byte[], string, string> BinaryFiles => new()
    {
        { MinimalPdf, "report.pdf", "application/pdf" },
        { MinimalPng, "diagram.png", "image/png" },
        { MinimalJpeg, "photo.jpg", "image/jpeg" },
        { MinimalZip, "experiment.zip", "application/zip" },
        { EmptyZip, "empty.zip", "application/zip" },
        // Content decides, not the name.
        { MinimalPng, "screenshot", "image/png" },
    };

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void Detect_allowed_binary_by_magic_bytes_returns_type(byte[] head, string fileName, string contentType)
    {
        Assert.Equal(contentType, EvidenceFileTypes.Detect(head, fileName)?.ContentType);
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("setup.exe")]
    [InlineData("notes.txt")]
    public void Detect_windows_executable_refused_whatever_its_name(string fileName)
    {
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

        Assert.Null(EvidenceFileTypes.Detect(exe, fileName));
    }

    [Fact]
    public void Detect_elf_executable_refused()
    {
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Null(EvidenceFileTypes.Detect(elf, "model.bin"));
        Assert.Null(EvidenceFileTypes.Detect(elf, "model.pdf"));
    }

    [Theory]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("train.py", "text/plain")]
    [InlineData("README.md", "text/markdown")]
    [InlineData("retro.markdown", "text/markdown")]
    [InlineData("metrics.csv", "text/csv")]
    [InlineData("METRICS.CSV", "text/csv")]
    public void Detect_utf8_text_returns_type_by_extension(string fileName, string contentType)
    {
        var text = "# Précision\tby epoch\r\nepoch,accuracy\n1,0.91\f\n€ ✓ 😀\n"u8;

        Assert.Equal(contentType, EvidenceFileTypes.Detect(text, fileName)?.ContentType);
    }

    [Fact]
    public void Detect_utf8_text_with_bom_accepted()
    {
        byte[] text = [0xEF, 0xBB, 0xBF, .. "a,b\n1,2\n"u8];

        Assert.Equal(EvidenceFileTypes.Csv, EvidenceFileTypes.Detect(text, "table.csv"));
    }

    [Fact]
    public void Detect_full_head_ending_inside_a_character_accepted()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("€", 3000)));
        var head = text.AsSpan(0, EvidenceFileTypes.HeadSize); // 8192 is not a multiple of 3: cuts the last euro sign

        Assert.Equal(EvidenceFileTypes.Text, EvidenceFileTypes.Detect(head, "euros.txt"));
    }

    [Fact]
    public void Detect_short_file_with_invalid_utf8_refused()
    {
        byte[] latin1 = [.. "caf"u8, 0xE9, .. " au lait\n"u8];

        Assert.Null(EvidenceFileTypes.Detect(latin1, "menu.txt"));
    }

    [Theory]
    [InlineData(new byte[] { 0x68, 0x69, 0x00, 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x68, 0x69, 0x1B, 0x5B, 0x33, 0x31, 0x6D })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00 })]
    public void Detect_binary_or_control_characters_named_txt_refused(byte[] head)
    {
        Assert.Null(EvidenceFileTypes.Detect(head, "notes.txt"));
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.HTM")]
    [InlineData("icon.svg")]
    [InlineData("app.js")]
    [InlineData("page.html. ")]
    public void Detect_text_with_active_content_extension_refused(string fileName)
    {
        var html = "<html><body><script>alert(1)</script></body></html>\n"u8;

        Assert.Null(EvidenceFileTypes.Detect(html, fileName));
    }

    [Fact]
    public void Detect_png_polyglot_named_html_refused()
    {
        Assert.Null(EvidenceFileTypes.Detect(MinimalPng, "image.html"));
    }

    [Fact]
    public void Detect_notebook_returns_notebook_type()
    {
        var notebook = """
            {
             "cells": [
              { "cell_type": "code", "source": ["print('hello')"], "metadata": {}, "outputs": [], "execution_count": null }
             ],
             "metadata": { "kernelspec": { "name": "python3" } },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """u8;

        Assert.Equal(EvidenceFileTypes.JupyterNotebook, EvidenceFileTypes.Detect(notebook, "analysis.ipynb"));
    }

    [Fact]
    public void Detect_notebook_head_cut_mid_json_still_notebook()
    {
        var start = "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"source\": [\"# Long"u8;

        Assert.Equal(EvidenceFileTypes.JupyterNotebook, EvidenceFileTypes.Detect(start, "long.ipynb"));
    }

    [Fact]
    public void Detect_empty_file_refused()
    {
        Assert.Null(EvidenceFileTypes.Detect([], "empty.txt"));
    }

    [Fact]
    public void Describe_lists_allowed_types()
    {
        Assert.Equal("PDF, PNG, JPEG, text, Markdown, CSV, Jupyter notebook or ZIP", EvidenceFileTypes.Describe());
    }
}
