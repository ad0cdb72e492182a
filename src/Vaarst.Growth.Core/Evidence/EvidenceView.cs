using System.Linq.Expressions;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>A piece of evidence as pages show it. Notes are shown only through <see cref="NoteRenderer"/>.</summary>
public sealed record EvidenceView(
    int Id,
    EvidenceKind Kind,
    string Title,
    DateOnly WorkDate,
    string? Description,
    string? Url,
    string? LinkKind,
    string? FileName,
    string? ContentType,
    long? FileSize,
    string? NoteMarkdown,
    bool IsArchived,
    int Version,
    IReadOnlyList<SupportedStatement> Supports)
{
    public string LinkLabel => LinkKinds.Label(LinkKind);

    public static Expression<Func<EvidenceEntry, EvidenceView>> Projection { get; } = e => new EvidenceView(
        e.Id, e.Kind, e.Title, e.WorkDate, e.Description, e.Url, e.LinkKind, e.FileName, e.ContentType, e.FileSize, e.NoteMarkdown,
        e.IsArchived, e.Version,
        e.Supports.OrderBy(s => s.ChecklistItem!.Statement!.Order)
            .Select(s => new SupportedStatement(s.ChecklistItemId, s.ChecklistItem!.StatementId, s.ChecklistItem.Statement!.Text, s.ChecklistItem.Statement.Area!.Name))
            .ToList());
}

/// <summary>A statement a piece of evidence supports, through the engineer's item.</summary>
public sealed record SupportedStatement(int ItemId, int StatementId, string Text, string AreaName);
