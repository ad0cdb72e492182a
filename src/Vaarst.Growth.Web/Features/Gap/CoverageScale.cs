using System.Globalization;

namespace Vaarst.Growth.Web.Features.Gap;

/// <summary>
/// The colours of a coverage cell (team heatmap, calibration comparison and their legends): from pale to deep green as
/// more of an area is signed off, with the text colour chosen by computed contrast (WCAG 2 relative luminance) rather
/// than a lightness threshold, so every value from 0 to 100 % reads at 4.5:1 or better. A cell always sets both its
/// background and its text colour, so it reads the same in light and dark mode (the theme's text colour never lands on
/// a cell's background).
/// </summary>
public static class CoverageScale
{
    public const string LightText = "#FFFFFF";
    public const string DarkText = "#000000";

    /// <summary>WCAG AA for normal text.</summary>
    public const double MinimumContrast = 4.5;

    public static (string Background, string Text) ColoursOf(double ratio)
    {
        var clamped = double.IsNaN(ratio) ? 0 : Math.Clamp(ratio, 0, 1);
        var lightness = 96 - Math.Round(clamped * 66);
        var background = Hex(HslToRgb(150, 0.45, lightness / 100));
        var text = Contrast(background, LightText) >= Contrast(background, DarkText) ? LightText : DarkText;
        return (background, text);
    }

    /// <summary>The inline style of a cell showing <paramref name="ratio"/> (0–1).</summary>
    public static string StyleOf(double ratio)
    {
        var (background, text) = ColoursOf(ratio);
        return $"background: {background}; color: {text};";
    }

    /// <summary>WCAG 2 contrast ratio of two #RRGGBB colours (1 to 21).</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>WCAG 2 relative luminance of a #RRGGBB colour.</summary>
    public static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var value = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
    }

    private static (int R, int G, int B) HslToRgb(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var h = hue / 60;
        var x = chroma * (1 - Math.Abs(h % 2 - 1));
        var (r, g, b) = h switch
        {
            < 1 => (chroma, x, 0.0),
            < 2 => (x, chroma, 0.0),
            < 3 => (0.0, chroma, x),
            < 4 => (0.0, x, chroma),
            < 5 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = lightness - chroma / 2;
        return ((int)Math.Round((r + m) * 255), (int)Math.Round((g + m) * 255), (int)Math.Round((b + m) * 255));
    }

    private static string Hex((int R, int G, int B) rgb) => $"#{rgb.R:X2}{rgb.G:X2}{rgb.B:X2}";
}
