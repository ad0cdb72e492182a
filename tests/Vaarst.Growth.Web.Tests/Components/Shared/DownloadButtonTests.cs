using Bunit;
using MudBlazor.Services;
using Vaarst.Growth.Web.Components.Shared;

namespace Vaarst.Growth.Web.Tests.Components.Shared;

/// <summary>
/// The export button is a real link (it works without script, in a new tab, with a modifier key) that
/// wwwroot/js/downloads.js recognises by <c>data-download</c>, with a status line beside it for screen readers.
/// The busy state itself is exercised in Chromium (ExportProgressBrowserTests).
/// </summary>
public sealed class DownloadButtonTests : BunitContext
{
    public DownloadButtonTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Download_button_is_a_link_marked_for_the_download_script_with_a_status_line_beside_it()
    {
        var cut = Render<DownloadButton>(p => p
            .Add(x => x.Href, "/admin/people/export.csv")
            .AddChildContent("Export CSV")
            .AddUnmatched("data-testid", "directory-export"));

        var link = cut.Find("a[data-download]");
        Assert.Equal("/admin/people/export.csv", link.GetAttribute("href"));
        Assert.Equal("directory-export", link.GetAttribute("data-testid"));
        Assert.Contains("Export CSV", link.TextContent);
        var status = link.NextElementSibling!;
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.Contains("download-status", status.ClassList);
        Assert.Equal("", status.TextContent);
    }
}
