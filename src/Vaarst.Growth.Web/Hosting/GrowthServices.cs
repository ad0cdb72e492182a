using Microsoft.AspNetCore.DataProtection;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Core services shared by the web app and the command line.</summary>
public static class GrowthServices
{
    /// <summary>Every use case of the core: public, concrete classes with a <c>HandleAsync</c> method.</summary>
    public static IReadOnlyList<Type> UseCaseTypes { get; } = typeof(ImportFramework).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("HandleAsync") is not null)
        .OrderBy(t => t.FullName)
        .ToList();

    private static IServiceCollection AddEvidenceStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Evidence").Get<EvidenceOptions>() ?? new EvidenceOptions();
        services.AddSingleton(options);
        services.AddSingleton<IEvidenceFileStore>(EvidenceStore(options, contentRoot));
        return services;
    }

    /// <summary><c>Evidence:Store</c>: <c>FileSystem</c> (default, one instance) or <c>AzureBlob</c> (shared by several instances).</summary>
    private static IEvidenceFileStore EvidenceStore(EvidenceOptions options, string contentRoot)
    {
        if (string.Equals(options.Store, EvidenceOptions.FileSystemStore, StringComparison.OrdinalIgnoreCase))
        {
            return new FileSystemEvidenceFileStore(options.ResolveFileStorePath(contentRoot));
        }

        if (!string.Equals(options.Store, EvidenceOptions.AzureBlobStore, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Evidence:Store '{options.Store}' is not supported. Use '{EvidenceOptions.FileSystemStore}' (default) or '{EvidenceOptions.AzureBlobStore}'.");
        }

        if (string.IsNullOrWhiteSpace(options.BlobConnectionString) || string.IsNullOrWhiteSpace(options.BlobContainer))
        {
            throw new InvalidOperationException("Evidence:Store is AzureBlob but Evidence:BlobConnectionString or Evidence:BlobContainer is empty.");
        }

        return new AzureBlobEvidenceFileStore(options.BlobConnectionString, options.BlobContainer);
    }

    public static IServiceCollection AddGrowthCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddGrowthDatabase(configuration, contentRoot);
        services.AddSingleton(SeedContent.From(configuration, contentRoot));

        services.AddEvidenceStore(configuration, contentRoot);
        services.AddTransient<SignInDirectory>();
        services.AddTransient<INotificationSender, InAppNotificationSender>();
        services.AddOutbox(configuration);
        services.AddSingleton(configuration.GetSection(GitHubOptions.SectionName).Get<GitHubOptions>() ?? new GitHubOptions());
        // Idempotent: the web app configures where the keys live (GrowthWebApplication); this makes the protector resolvable anywhere.
        services.AddDataProtection();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

        // Use cases: one class per file, each with a HandleAsync; components and endpoints resolve them.
        foreach (var useCase in UseCaseTypes)
        {
            services.AddTransient(useCase);
        }

        return services;
    }
}

/// <summary>Where the framework pages and the demo organisation are read from (<c>Framework:SeedContentPath</c>).</summary>
public sealed record SeedContent(string Root)
{
    public string FrameworkPages => Path.Combine(Root, "careerframework");

    public string DemoOrganisation => Path.Combine(Root, "demo", "organisation.yaml");

    public static SeedContent From(IConfiguration configuration, string contentRoot) =>
        new(Path.GetFullPath(configuration["Framework:SeedContentPath"] is { Length: > 0 } path ? path : "../../seed-content", contentRoot));
}
