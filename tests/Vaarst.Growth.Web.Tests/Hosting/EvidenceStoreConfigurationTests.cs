using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Hosting;

public sealed class EvidenceStoreConfigurationTests
{
    [Fact]
    public void AddGrowthCore_without_a_store_setting_keeps_files_on_the_file_system()
    {
        Assert.IsType<FileSystemEvidenceFileStore>(StoreFor([]));
    }

    [Fact]
    public void AddGrowthCore_with_AzureBlob_store_uses_the_configured_container()
    {
        var store = Assert.IsType<AzureBlobEvidenceFileStore>(StoreFor(new()
        {
            ["Evidence:Store"] = "AzureBlob",
            ["Evidence:BlobConnectionString"] = "DefaultEndpointsProtocol=https;AccountName=vaarst;AccountKey=a2V5;EndpointSuffix=core.windows.net",
            ["Evidence:BlobContainer"] = "growth-evidence",
        }));

        Assert.Equal("growth-evidence", store.Container.Name);
        Assert.Equal("vaarst", store.Container.AccountName);
    }

    [Theory]
    [InlineData("AzureBlob", null, "Evidence:BlobConnectionString")]
    [InlineData("Dropbox", null, "'Dropbox' is not supported")]
    public void AddGrowthCore_with_an_incomplete_or_unknown_store_fails_at_start_up(string store, string? connectionString, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => StoreFor(new()
        {
            ["Evidence:Store"] = store,
            ["Evidence:BlobConnectionString"] = connectionString,
        }));

        Assert.Contains(message, failure.Message);
    }

    private static IEvidenceFileStore StoreFor(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddGrowthCore(configuration, Path.GetTempPath());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IEvidenceFileStore>();
    }
}
