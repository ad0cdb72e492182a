using MudBlazor;

namespace Vaarst.Growth.Web.Components.Layout;

/// <summary>A calm, professional palette with enough contrast for body text and chips.</summary>
public static class GrowthTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5C7A",
            Secondary = "#3B7D6E",
            Tertiary = "#7A5C1F",
            AppbarBackground = "#173F54",
            AppbarText = "#FFFFFF",
            Background = "#F5F7F9",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1B2430",
            TextSecondary = "#4A5563",
            Success = "#2E7D4F",
            Warning = "#A15C00",
            Error = "#B3261E",
            Info = "#1F5C7A",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
