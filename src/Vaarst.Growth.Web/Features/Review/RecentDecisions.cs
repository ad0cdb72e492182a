using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Web.Features.Review;

/// <summary>A decision the reviewer just took in this tab, with what <see cref="UndoDecision"/> needs to take it back.</summary>
public sealed record RecentDecision(int ItemId, int Version, string EvidenceFingerprint, DecisionKind Kind, string EngineerName, string StatementText, DateTimeOffset DecidedAt);

/// <summary>
/// The reviewer's decisions of the last <see cref="UndoDecision.Window"/> in this circuit (one per tab), bulk or one at a
/// time, so the review queue can list them with an Undo each. Only a convenience: <see cref="UndoDecision"/> decides
/// whether an undo is still allowed.
/// </summary>
public sealed class RecentDecisions(TimeProvider time)
{
    private readonly List<RecentDecision> _decisions = [];

    /// <summary>Raised when a decision is added or removed, so the list on screen renders again.</summary>
    public event Action? Changed;

    public void Add(IEnumerable<RecentDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            _decisions.RemoveAll(d => d.ItemId == decision.ItemId);
            _decisions.Add(decision);
        }

        Changed?.Invoke();
    }

    public void Remove(int itemId)
    {
        _decisions.RemoveAll(d => d.ItemId == itemId);
        Changed?.Invoke();
    }

    /// <summary>The decisions whose undo window is still open, newest first; older ones are forgotten.</summary>
    public IReadOnlyList<RecentDecision> Open()
    {
        var now = time.GetUtcNow();
        _decisions.RemoveAll(d => now - d.DecidedAt >= UndoDecision.Window);
        return _decisions.AsEnumerable().Reverse().ToList();
    }
}
