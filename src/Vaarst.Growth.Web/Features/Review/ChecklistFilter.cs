using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Web.Features.Review;

/// <summary>The checklist page's filters; pure, so bUnit and unit tests can check them.</summary>
public sealed record ChecklistFilter(ChecklistStatus? Status = null, int? AreaId = null, bool WithoutEvidenceOnly = false)
{
    public bool IsActive => Status is not null || AreaId is not null || WithoutEvidenceOnly;

    public bool Shows(ChecklistArea area) => AreaId is null || area.Id == AreaId;

    public bool Shows(ChecklistRow row) =>
        (Status is null || row.Status == Status) && (!WithoutEvidenceOnly || row.EvidenceCount == 0);

    /// <summary>The section's areas the filters show (an area stays, with a note, when none of its rows match).</summary>
    public IReadOnlyList<ChecklistArea> AreasOf(ChecklistSection section) => section.Areas.Where(Shows).ToList();

    public IReadOnlyList<ChecklistRow> RowsOf(ChecklistArea area) => area.Rows.Where(Shows).ToList();

    /// <summary>The rated share as a whole percentage (0 when nothing counts).</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole);

    /// <summary>Items the engineer can submit right now: drafts or changes requested, with evidence or a reasoned N/A.</summary>
    public static bool CanSubmit(ChecklistRow row) =>
        row.ItemId is not null
        && row.Status is ChecklistStatus.Draft or ChecklistStatus.ChangesRequested
        && row.Rating != SelfRating.NotStarted
        && (row.EvidenceCount > 0 || (row.Rating == SelfRating.NotApplicable && !string.IsNullOrWhiteSpace(row.NotApplicableReason)));
}
