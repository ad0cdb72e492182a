using Vaarst.Growth.Core.Gap;

namespace Vaarst.Growth.Core.Tests.Gap;

public sealed class AreaGridTests
{
    private static readonly GridStatement[] Statements =
    [
        new(1, CraftId: 1, "ML Engineer", AppliesToAll: false, SectionOrder: 1, "ml", "Machine Learning", AreaOrder: 0),
        new(2, CraftId: 1, "All", AppliesToAll: true, SectionOrder: 0, "ops", "ML Ops", AreaOrder: 1),
        new(3, CraftId: 1, "All", AppliesToAll: true, SectionOrder: 0, "gov", "AI Governance", AreaOrder: 0),
        new(4, CraftId: 1, "All", AppliesToAll: true, SectionOrder: 0, "ops", "ML Ops", AreaOrder: 1),
        new(5, CraftId: 2, "All", AppliesToAll: true, SectionOrder: 0, "ops", "ML Ops", AreaOrder: 1),
        new(6, CraftId: 1, "Edge ML Engineer", AppliesToAll: false, SectionOrder: 2, "edge", "Edge Computing", AreaOrder: 0),
    ];

    [Fact]
    public void Areas_come_all_sections_first_then_by_section_and_area_order_once_across_crafts()
    {
        var grid = AreaGrid.Of(Statements);

        Assert.Equal(["gov", "ops", "ml", "edge"], grid.Areas.Select(a => a.Anchor));
        Assert.Equal(new GridArea("All", true, "ops", "ML Ops"), grid.Areas[1]);
    }

    [Fact]
    public void Row_gives_the_statements_of_the_persons_craft_and_null_for_another_specialism()
    {
        var grid = AreaGrid.Of(Statements);

        var ml = grid.Row(1, "ML Engineer", ids => ids.ToList());
        var otherCraft = grid.Row(2, "Edge ML Engineer", ids => ids.ToList());
        var noCraft = grid.Row(null, null, ids => ids.ToList());

        Assert.Equal([[3], [2, 4], [1], null], ml);
        Assert.Equal([[], [5], null, []], otherCraft);
        Assert.Equal([[], [], null, null], noCraft);
    }

    [Fact]
    public void Sections_and_anchors_match_across_crafts_and_specialisms_without_letter_case()
    {
        var grid = AreaGrid.Of(
        [
            new(1, CraftId: 1, "ML Engineer", AppliesToAll: false, SectionOrder: 1, "ml-ops", "ML Ops", AreaOrder: 0),
            new(2, CraftId: 2, "ml engineer", AppliesToAll: false, SectionOrder: 1, "ML-Ops", "ML Ops", AreaOrder: 0),
        ]);

        Assert.Single(grid.Areas);
        Assert.Equal([[1]], grid.Row(1, "ML ENGINEER", ids => ids.ToList()));
        Assert.Equal([[2]], grid.Row(2, "Ml Engineer", ids => ids.ToList()));
    }
}
