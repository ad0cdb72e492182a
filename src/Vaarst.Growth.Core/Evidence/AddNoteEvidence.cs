using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record AddNoteEvidenceRequest(EvidenceDetails Details, string Markdown, IReadOnlyCollection<int> AttachToStatementIds);

/// <summary>Adds a Markdown note. The Markdown is stored as written and always rendered through <see cref="NoteRenderer"/>.</summary>
public sealed class AddNoteEvidence(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(Actor actor, AddNoteEvidenceRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var now = time.GetUtcNow().UtcDateTime;
        NoteRenderer.Validate(request.Markdown);
        var details = EvidenceRules.Validate(request.Details, now);
        var evidence = new EvidenceEntry
        {
            OwnerId = personId,
            Kind = EvidenceKind.Note,
            Title = details.Title,
            WorkDate = details.WorkDate,
            Description = details.Description,
            NoteMarkdown = request.Markdown.Trim(),
            ContentHash = "",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        return await EvidenceLibrary.AddAsync(dbFactory, actor, personId, evidence, request.AttachToStatementIds, now, cancellationToken);
    }
}
