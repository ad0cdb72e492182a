using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Vaarst.Growth.Web.Tests.Deployment;

public sealed class DockerComposeTests
{
    private static readonly string[] AzureAdKeys =
        ["Instance", "TenantId", "ClientId", "ClientSecret", "CallbackPath"];

    [Fact]
    public void Compose_services_defineDbAndWeb()
    {
        var services = Services();

        Assert.NotNull(Child(services, "db"));
        Assert.NotNull(Child(services, "web"));
    }

    [Fact]
    public void Compose_dbService_usesSqlServer2022WithSqlcmdHealthcheck()
    {
        var db = Service("db");

        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", Scalar(db, "image"));

        var healthcheck = Assert.IsType<YamlMappingNode>(Child(db, "healthcheck"));
        var test = Child(healthcheck, "test") switch
        {
            YamlSequenceNode list => string.Join(' ', list.Children.Select(n => ((YamlScalarNode)n).Value)),
            YamlScalarNode scalar => scalar.Value ?? "",
            _ => "",
        };
        Assert.Contains("sqlcmd", test);
    }

    [Fact]
    public void Compose_webService_buildsFromRepositoryDockerfile()
    {
        var web = Service("web");

        var (context, dockerfile) = Child(web, "build") switch
        {
            YamlScalarNode scalar => (scalar.Value!, "Dockerfile"),
            YamlMappingNode map => (Scalar(map, "context") ?? ".", Scalar(map, "dockerfile") ?? "Dockerfile"),
            _ => throw new Xunit.Sdk.XunitException("web has no build section"),
        };

        var resolved = Path.GetFullPath(Path.Combine(RepositoryRoot.Folder, context, dockerfile));
        Assert.Equal(RepositoryRoot.Combine("Dockerfile"), resolved);
    }

    [Fact]
    public void Compose_webService_waitsForHealthyDb()
    {
        var dependsOn = Assert.IsType<YamlMappingNode>(Child(Service("web"), "depends_on"));
        var db = Assert.IsType<YamlMappingNode>(Child(dependsOn, "db"));

        Assert.Equal("service_healthy", Scalar(db, "condition"));
    }

    [Fact]
    public void Compose_webEnvironment_configuresSqlServerEntraIdAndProduction()
    {
        var env = Environment(Service("web"));

        Assert.Equal("SqlServer", env.GetValueOrDefault("Database__Provider"));
        Assert.Contains("Server=db", env.GetValueOrDefault("ConnectionStrings__Growth") ?? "");
        Assert.Equal("EntraId", env.GetValueOrDefault("Authentication__Mode"));
        Assert.Equal("Production", env.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
        foreach (var key in AzureAdKeys)
        {
            Assert.False(string.IsNullOrWhiteSpace(env.GetValueOrDefault($"AzureAd__{key}")), $"AzureAd__{key} is not set");
        }
    }

    [Fact]
    public void EnvExample_composeVariables_areAllListed()
    {
        var compose = System.IO.File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml"));
        var example = System.IO.File.ReadAllText(RepositoryRoot.Combine(".env.example"));

        var used = Regex.Matches(compose, @"(?<!\$)\$\{([A-Z0-9_]+)").Select(m => m.Groups[1].Value).Distinct();
        foreach (var name in used)
        {
            Assert.Matches(new Regex($"(?m)^{name}="), example);
        }
    }

    [Fact]
    public void Dockerfile_stages_buildAndPublishWebProject()
    {
        var path = RepositoryRoot.Combine("Dockerfile");
        Assert.True(System.IO.File.Exists(path), "Dockerfile is missing");
        var text = System.IO.File.ReadAllText(path);

        Assert.True(Regex.Matches(text, @"(?im)^\s*FROM\s+").Count >= 2, "Dockerfile needs a build and a runtime stage");
        Assert.Matches(@"dotnet publish\s+src/Vaarst\.Growth\.Web\b", text);
        Assert.Contains("seed-content", text);
        Assert.Matches(@"(?m)^\s*USER\s+\S+", text);
    }

    [Fact]
    public void CiRun_script_installsChromiumOnlyIfAbsentThenRunsDotnetTest()
    {
        var text = System.IO.File.ReadAllText(RepositoryRoot.Combine(".ci", "run"));

        Assert.Contains("set -euo pipefail", text);
        Assert.Contains("dotnet test", text);
        Assert.Matches(
            @"if\s+\[\[?\s+!\s+-[efx]\s+/usr/bin/chromium\s*\]\]?;?\s*(then)?[\s\S]*?apt-get install -y chromium[\s\S]*?\bfi\b",
            text);
    }

    [Fact]
    public void CiRun_script_installsTheTestOidcProvidersNpmPackagesBeforeDotnetTest()
    {
        var text = System.IO.File.ReadAllText(RepositoryRoot.Combine(".ci", "run"));

        var npm = text.IndexOf("npm ci --prefix tests/Vaarst.Growth.BrowserTests/Oidc/provider", StringComparison.Ordinal);
        Assert.True(npm >= 0, ".ci/run must install the test OpenID Connect provider's npm packages");
        Assert.True(npm < text.LastIndexOf("dotnet test", StringComparison.Ordinal));
        Assert.True(System.IO.File.Exists(RepositoryRoot.Combine("tests", "Vaarst.Growth.BrowserTests", "Oidc", "provider", "package-lock.json")));
    }

    private static YamlMappingNode Compose()
    {
        using var reader = new StreamReader(RepositoryRoot.Combine("docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    private static YamlMappingNode Services() =>
        Assert.IsType<YamlMappingNode>(Child(Compose(), "services"));

    private static YamlMappingNode Service(string name) =>
        Assert.IsType<YamlMappingNode>(Child(Services(), name));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        (Child(map, key) as YamlScalarNode)?.Value;

    /// <summary>Reads <c>environment</c> in map form (KEY: value) or list form (- KEY=value).</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Child(service, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    result[((YamlScalarNode)key).Value!] = (value as YamlScalarNode)?.Value ?? "";
                }
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Cast<YamlScalarNode>())
                {
                    var entry = item.Value ?? "";
                    var eq = entry.IndexOf('=');
                    result[eq < 0 ? entry : entry[..eq]] = eq < 0 ? "" : entry[(eq + 1)..];
                }
                break;
        }
        return result;
    }
}
