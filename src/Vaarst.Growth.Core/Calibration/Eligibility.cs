namespace Vaarst.Growth.Core.Calibration;

/// <summary>Who may be nominated for a target level: an engineer whose current level is below it (or not recorded).</summary>
public static class Eligibility
{
    public static bool IsBelow(int? currentLevel, int targetLevel) => currentLevel is not { } current || current < targetLevel;
}
