using System.Reflection;
using NetArchTest.Rules;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Tests.Architecture;

/// <summary>
/// Features of Core depend one way (docs/architecture.md, ADRs 0009 and 0011): Framework ← People ← Checklist ← Import ←
/// Evidence ← Review ← Gap ← Calibration ← Home (what waits for a person, across all of them) ← Demo (the demo
/// organisation, built through all of them). A feature may use the features before it, never one after it; Audit, Data,
/// Text and the root namespace serve every feature, and so do the identity types of People every use case starts with
/// (<see cref="Kernel"/>).
/// </summary>
public sealed class FeatureDirectionTests
{
    private static readonly string[] Direction = ["Framework", "People", "Checklist", "Import", "Evidence", "Review", "Gap", "Calibration", "Home", "Demo"];

    /// <summary>Types of People that every feature uses to know and notify its caller.</summary>
    private static readonly string[] Kernel =
        ["People.Actor", "People.Authority", "People.Roles", "People.INotificationSender", "People.NotificationMessage", "People.NotificationKinds"];

    private static readonly Assembly Core = typeof(GrowthDbContext).Assembly;

    [Fact]
    public void Features_depend_only_on_the_features_before_them()
    {
        var against = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Direction.Length; i++)
        {
            for (var j = i + 1; j < Direction.Length; j++)
            {
                var later = TypesOf(Direction[j]);
                var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace(Direction[i]))
                    .ShouldNot().HaveDependencyOnAny(later).GetResult();
                foreach (var name in result.FailingTypeNames ?? [])
                {
                    against.Add($"{Outer(name)} -> {Direction[j]}");
                }
            }
        }

        Assert.True(against.Count == 0, "Against the feature direction (docs/architecture.md): " + string.Join("; ", against));
    }

    [Fact]
    public void Core_does_not_reference_ASP_NET_Core()
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, "Core types using ASP.NET Core: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_direction_test_sees_a_dependency_against_the_direction()
    {
        // Calibration reads Gap (allowed); the rule must see that as a dependency, or it could not fail.
        var later = TypesOf("Gap");
        var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace("Calibration")).ShouldNot().HaveDependencyOnAny(later).GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static string Namespace(string feature) => "Vaarst.Growth.Core." + feature;

    private static string[] TypesOf(string feature) => Core.GetTypes()
        .Where(t => t.Namespace == Namespace(feature) && !t.IsNested && !t.Name.StartsWith('<'))
        .Select(t => t.FullName!)
        .Where(name => !Kernel.Any(k => name == Namespace(k)))
        .ToArray();

    private static string Outer(string typeName)
    {
        var name = typeName["Vaarst.Growth.Core.".Length..];
        var nested = name.IndexOfAny(['/', '+']);
        return nested < 0 ? name : name[..nested];
    }
}
