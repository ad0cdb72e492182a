using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using NetArchTest.Rules;
using Vaarst.Growth.Web.Components.Shared;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Components.Shared;

/// <summary>
/// The pages' breadcrumb trails are markup (<see cref="Light.Breadcrumbs"/>), not MudBreadcrumbs, which builds
/// MudBlazor's localizer on every request (issue #15): the same markup, so the same look and the same landmark, link
/// and current-page semantics.
/// </summary>
public sealed class LightBreadcrumbsTests : BunitContext
{
    public static TheoryData<(string Text, string? Href)[]> Trails => new()
    {
        new (string, string?)[] { ("Home", "/"), ("My team", "/team"), ("Heatmap", null) },
        // A person's name that is not a link, then the current page (the item page a manager opens).
        new (string, string?)[] { ("Home", "/"), ("Sam Lee", null), ("Item", null) },
        // The level page before its level is read: the last item is still a link.
        new (string, string?)[] { ("Home", "/"), ("Framework", "/framework") },
    };

    [Theory]
    [MemberData(nameof(Trails))]
    public void Breadcrumbs_are_the_markup_MudBreadcrumbs_renders((string Text, string? Href)[] trail)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var items = trail.Select(i => new BreadcrumbItem(i.Text, i.Href, disabled: i.Href is null)).ToList();

        var mud = Render<MudBreadcrumbs>(p => p.Add(x => x.Items, items).Add(x => x.Class, "px-0 pt-0"));
        var light = Render(Light.Breadcrumbs(trail));

        light.MarkupMatches(mud.Markup);
        Assert.Equal(trail[^1].Text, light.Find("nav[aria-label=Breadcrumb] [aria-current=page]").TextContent);
    }

    [Fact]
    public void No_page_renders_MudBreadcrumbs()
    {
        var result = Types.InAssembly(typeof(CurrentActor).Assembly).That().ResideInNamespace("Vaarst.Growth.Web.Features")
            .ShouldNot().HaveDependencyOnAny("MudBlazor.MudBreadcrumbs", "MudBlazor.BreadcrumbItem").GetResult();

        Assert.True(result.IsSuccessful, "MudBreadcrumbs in: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_the_MudBlazor_components_a_page_renders()
    {
        var result = Types.InAssembly(typeof(CurrentActor).Assembly).That().ResideInNamespace("Vaarst.Growth.Web.Features")
            .ShouldNot().HaveDependencyOn("MudBlazor.MudProgressLinear").GetResult();

        Assert.False(result.IsSuccessful);
    }
}
