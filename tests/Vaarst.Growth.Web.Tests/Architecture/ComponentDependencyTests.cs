using NetArchTest.Rules;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Architecture;

/// <summary>Components call use cases; they never touch the database (docs/architecture.md).</summary>
public sealed class ComponentDependencyTests
{
    [Theory]
    [InlineData("Vaarst.Growth.Web.Features")]
    [InlineData("Vaarst.Growth.Web.Components")]
    public void Components_and_feature_endpoints_do_not_reference_the_DbContext(string ns)
    {
        var result = Types.InAssembly(typeof(CurrentActor).Assembly).That().ResideInNamespace(ns)
            .ShouldNot().HaveDependencyOnAny("Vaarst.Growth.Core.Data.GrowthDbContext", "Microsoft.EntityFrameworkCore").GetResult();

        Assert.True(result.IsSuccessful, "Referencing the database: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_the_hosting_code_that_does_reference_the_DbContext()
    {
        var result = Types.InAssembly(typeof(CurrentActor).Assembly).That().ResideInNamespace("Vaarst.Growth.Web.Hosting")
            .ShouldNot().HaveDependencyOn("Vaarst.Growth.Core.Data.GrowthDbContext").GetResult();

        Assert.False(result.IsSuccessful);
    }
}
