using YamlDotNet.RepresentationModel;

namespace Vaarst.Growth.Web.Tests.Deployment;

/// <summary>The GitHub Actions workflow runs the README's test command with the SQL Server lane on a real server.</summary>
public sealed class CiWorkflowTests
{
    [Fact]
    public void Workflow_runs_ci_run_against_the_compose_SQL_Server_image_and_requires_the_lane()
    {
        var job = Assert.IsType<YamlMappingNode>(Child(Child(Load(".github", "workflows", "ci.yml"), "jobs"), "test"));
        var service = Assert.IsType<YamlMappingNode>(Child(Child(job, "services"), "sqlserver"));
        var composeDb = Child(Child(Load("docker-compose.yml"), "services"), "db");

        Assert.Equal(Scalar(composeDb, "image"), Scalar(service, "image"));
        var env = Assert.IsType<YamlMappingNode>(Child(job, "env"));
        Assert.Contains("Server=localhost,1433", Scalar(env, "VAARST_TEST_SQLSERVER"));
        Assert.Equal("true", Scalar(env, "VAARST_TEST_SQLSERVER_REQUIRED"));
        var steps = Assert.IsType<YamlSequenceNode>(Child(job, "steps"));
        Assert.Contains(steps.Children.OfType<YamlMappingNode>(), s => Scalar(s, "run") == ".ci/run");
        // The lane is part of `dotnet test`: it must be in the solution.
        Assert.Contains("Vaarst.Growth.Core.Tests.SqlServer.csproj", System.IO.File.ReadAllText(RepositoryRoot.Combine("Vaarst.Growth.sln")));
    }

    private static YamlMappingNode Load(params string[] path)
    {
        using var reader = new StreamReader(RepositoryRoot.Combine(path));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    private static YamlNode? Child(YamlNode? map, string key) =>
        map is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
