using Vaarst.Growth.Core.Checklist;

namespace Vaarst.Growth.Core.Review;

/// <summary>How ratings and statuses read to people.</summary>
public static class RatingLabels
{
    public static string Of(SelfRating rating) => rating switch
    {
        SelfRating.NotStarted => "Not started",
        SelfRating.Learning => "Learning",
        SelfRating.Practising => "Practising",
        SelfRating.Confident => "Confident",
        SelfRating.NotApplicable => "Not applicable",
        _ => rating.ToString(),
    };

    public static string Of(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Draft => "Draft",
        ChecklistStatus.Submitted => "Submitted",
        ChecklistStatus.SignedOff => "Signed off",
        ChecklistStatus.ChangesRequested => "Changes requested",
        ChecklistStatus.NeedsReconfirmation => "Needs re-confirmation",
        _ => status.ToString(),
    };
}

/// <summary>The status an item shows: its review status, with "needs re-confirmation" taking precedence over "signed off".</summary>
public enum ChecklistStatus
{
    Draft,
    Submitted,
    SignedOff,
    ChangesRequested,
    NeedsReconfirmation,
}

public static class ChecklistStatuses
{
    public static ChecklistStatus Of(ItemStatus status, bool needsReconfirmation) => status switch
    {
        ItemStatus.SignedOff when needsReconfirmation => ChecklistStatus.NeedsReconfirmation,
        ItemStatus.SignedOff => ChecklistStatus.SignedOff,
        ItemStatus.Submitted => ChecklistStatus.Submitted,
        ItemStatus.ChangesRequested => ChecklistStatus.ChangesRequested,
        _ => ChecklistStatus.Draft,
    };
}
