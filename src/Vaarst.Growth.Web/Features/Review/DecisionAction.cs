using MudBlazor;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Web.Features.Review;

/// <summary>A decision the reviewer can take now; which ones depends only on the item's status.</summary>
public sealed record DecisionAction(DecisionKind Kind, string Label, Color Color, bool Primary, bool CommentRequired)
{
    public string Id => Kind switch
    {
        DecisionKind.SignOff => "sign-off",
        DecisionKind.RequestChanges => "request-changes",
        DecisionKind.Reconfirm => "reconfirm",
        DecisionKind.Revoke => "revoke",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>The key of the decision's shortcut: "s" for the one that signs off, "c" for the one that needs a comment.</summary>
    public string Key => Id is "sign-off" or "reconfirm" ? "s" : "c";

    /// <summary>The decisions a status allows; the use cases enforce the same rules on the server.</summary>
    public static List<DecisionAction> For(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Submitted => [new(DecisionKind.SignOff, "Sign off", Color.Success, true, false), new(DecisionKind.RequestChanges, "Request changes", Color.Warning, false, true)],
        ChecklistStatus.NeedsReconfirmation => [new(DecisionKind.Reconfirm, "Re-confirm sign-off", Color.Success, true, false), new(DecisionKind.Revoke, "Revoke sign-off", Color.Error, false, true)],
        ChecklistStatus.SignedOff => [new(DecisionKind.Revoke, "Revoke sign-off", Color.Error, false, true)],
        _ => [],
    };
}
