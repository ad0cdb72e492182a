using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Components.Layout;

/// <summary>Role names as people read them.</summary>
public static class RoleNames
{
    public static IEnumerable<string> Of(Roles roles) =>
        Enum.GetValues<Roles>().Where(r => r != Roles.None && (roles & r) == r).Select(Label);

    public static string Label(Roles role) => role switch
    {
        Roles.Engineer => "Engineer",
        Roles.Manager => "Line manager",
        Roles.CalibrationPanel => "Calibration panel",
        Roles.Administrator => "Administrator",
        _ => role.ToString(),
    };
}
