using Vaarst.Growth.Core.Checklist;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Links one piece of evidence to one checklist item; one evidence can support many items.</summary>
public sealed class EvidenceSupport
{
    public int EvidenceId { get; set; }
    public EvidenceEntry? Evidence { get; set; }
    public int ChecklistItemId { get; set; }
    public ChecklistItem? ChecklistItem { get; set; }
    public DateTime LinkedAtUtc { get; set; }
}
