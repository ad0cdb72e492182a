using Microsoft.Extensions.Configuration;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceOptionsTests
{
    [Fact]
    public void EvidenceOptions_defaults_are_app_data_folder_and_20_mb()
    {
        var options = new EvidenceOptions();

        Assert.Equal("App_Data/evidence", options.FileStorePath);
        Assert.Equal(20L * 1024 * 1024, options.MaxFileBytes);
    }

    [Fact]
    public void EvidenceOptions_bound_from_evidence_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Evidence:FileStorePath"] = "/srv/evidence",
                ["Evidence:MaxFileBytes"] = "1048576",
            })
            .Build();

        var options = configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>()!;

        Assert.Equal("/srv/evidence", options.FileStorePath);
        Assert.Equal(1_048_576, options.MaxFileBytes);
    }

    [Fact]
    public void ResolveFileStorePath_relative_path_resolved_against_content_root()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "app");

        Assert.Equal(Path.Combine(contentRoot, "App_Data", "evidence"), new EvidenceOptions().ResolveFileStorePath(contentRoot));
    }

    [Fact]
    public void ResolveFileStorePath_absolute_path_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "evidence-store");

        Assert.Equal(absolute, new EvidenceOptions { FileStorePath = absolute }.ResolveFileStorePath("/somewhere/else"));
    }
}
