using MudBlazor;

namespace Vaarst.Growth.Web.Components.Layout;

/// <summary>A calm, professional palette with enough contrast for body text and chips, in light and dark mode.</summary>
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
            Info = "#4C5FA8",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FC3E0",
            Secondary = "#7CC4B2",
            Tertiary = "#E0B96B",
            AppbarBackground = "#10222E",
            AppbarText = "#E8EEF2",
            Background = "#0F1A21",
            Surface = "#16242E",
            DrawerBackground = "#13202A",
            DrawerText = "#DCE4EA",
            TextPrimary = "#E8EEF2",
            TextSecondary = "#A9B7C2",
            Success = "#6FCF97",
            Warning = "#F2B35B",
            Error = "#F28B82",
            Info = "#AEB8F2",
            // The dark palette's colours are light, so text on filled buttons and chips must be dark (MudBlazor's
            // default white read at about 2:1).
            PrimaryContrastText = "#0F1A21",
            SecondaryContrastText = "#0F1A21",
            TertiaryContrastText = "#0F1A21",
            SuccessContrastText = "#0F1A21",
            WarningContrastText = "#0F1A21",
            ErrorContrastText = "#0F1A21",
            InfoContrastText = "#0F1A21",
            LinesDefault = "#2A3A46",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
