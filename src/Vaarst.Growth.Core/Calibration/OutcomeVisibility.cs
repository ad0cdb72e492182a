using System.Linq.Expressions;

namespace Vaarst.Growth.Core.Calibration;

/// <summary>
/// The embargo: a decision reaches the candidate and their managers only once its session is closed and, for a session
/// of a promotion cycle, once the cycle is released (all its outcomes together). Sessions from before cycles
/// existed (no cycle) release on close, as they always did.
/// </summary>
public static class OutcomeVisibility
{
    public static Expression<Func<Nomination, bool>> Released { get; } =
        n => n.Session!.State == SessionState.Closed && (n.Session.CycleId == null || n.Session.Cycle!.ReleasedAtUtc != null);
}
