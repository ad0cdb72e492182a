using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Core services shared by the web app and the command line.</summary>
public static class GrowthServices
{
    public static IServiceCollection AddGrowthCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddGrowthDatabase(configuration, contentRoot);
        services.AddSingleton(SeedContent.From(configuration, contentRoot));

        // Use cases: one class each, resolved by the components and endpoints that call them.
        services.AddTransient<ImportFramework>();
        services.AddTransient<GetFrameworkCatalogue>();
        services.AddTransient<GetLevel>();
        services.AddTransient<SignInDirectory>();
        services.AddTransient<SeedDemoOrganisation>();
        services.AddTransient<GetMyProfile>();
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
