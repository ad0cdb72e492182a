using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Title">The title to give the evidence (the pull request's, or the engineer's edit).</param>
/// <param name="Summary">The engineer's summary (the description), edited from the pull request's body.</param>
public sealed record GitHubPick(string ExternalId, string Title, string? Summary, IReadOnlyCollection<int> StatementIds);

public sealed record ImportGitHubWorkRequest(DateOnly From, DateOnly To, IReadOnlyList<GitHubPick> Picks);

/// <param name="Imported">New evidence, in the order picked.</param>
/// <param name="AlreadyImported">Picks that were evidence already: the same pull request never becomes two pieces of evidence.</param>
public sealed record ImportGitHubResult(IReadOnlyList<int> Imported, int AlreadyImported);

/// <summary>
/// Turns picked pull requests and issues into link evidence attached to the statements chosen for each. The link, date
/// and repository come from GitHub (the window is listed again), so provenance cannot be made up; only the title and
/// summary are the engineer's. All or nothing, and idempotent: unique on (provider, external id).
/// </summary>
public sealed class ImportGitHubWork(IDbContextFactory<GrowthDbContext> dbFactory, GitHubOptions options, ISecretProtector protector, TimeProvider time)
{
    public async Task<ImportGitHubResult> HandleAsync(Actor actor, ImportGitHubWorkRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        if (request.Picks.Count == 0)
        {
            throw new ValidationException("Pick at least one pull request or issue to import.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var work = (await ListGitHubWork.ReadAsync(db, options, protector, personId, new ListGitHubWorkRequest(request.From, request.To), cancellationToken))
            .ToDictionary(w => w.ExternalId);
        var picked = request.Picks.DistinctBy(p => p.ExternalId).ToList();
        var missing = picked.Where(p => !work.ContainsKey(p.ExternalId)).Select(p => $"\"{Excerpt.Of(p.Title)}\" is not among your GitHub work of those dates any more.").ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }

        var ids = picked.Select(p => p.ExternalId).ToList();
        var existing = await db.Evidence.AsNoTracking().Where(e => e.Provider == GitHubSource.Provider && ids.Contains(e.ExternalId!))
            .Select(e => e.ExternalId!).ToListAsync(cancellationToken);
        var fresh = picked.Where(p => !existing.Contains(p.ExternalId)).ToList();
        var entries = fresh.Select(p =>
        {
            var w = work[p.ExternalId];
            var details = EvidenceRules.Validate(new EvidenceDetails(p.Title, w.WorkDate, p.Summary), now);
            var evidence = new EvidenceEntry
            {
                OwnerId = personId, Kind = EvidenceKind.Link, Title = details.Title, WorkDate = details.WorkDate, Description = details.Description,
                Url = EvidenceLinkPolicy.Normalise(w.Url), LinkKind = LinkKinds.Recognise(w.Url).Kind, ContentHash = "",
                Provider = GitHubSource.Provider, ExternalId = Excerpt.Fit(w.ExternalId, TextLimits.ExternalId), Repository = Excerpt.Fit(w.Repository, TextLimits.Repository),
                CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            evidence.ContentHash = EvidenceFingerprint.Compute(evidence);
            return (Pick: p, Evidence: evidence);
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Evidence.AddRange(entries.Select(e => e.Evidence));
        await SaveAsync(db, cancellationToken);
        foreach (var (pick, evidence) in entries)
        {
            await EvidenceRules.AttachAsync(db, actor, personId, evidence, pick.StatementIds, now, cancellationToken);
            db.Record(actor, now, AuditEventTypes.EvidenceAdded, "Evidence", evidence.Id.ToString(),
                $"{actor.Name} imported \"{Excerpt.Of(evidence.Title)}\" from GitHub ({evidence.Repository})",
                after: new { evidence.Title, evidence.Url, provider = evidence.Provider, evidence.ExternalId, attachedTo = pick.StatementIds }, personId: personId);
        }

        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportGitHubResult(entries.Select(e => e.Evidence.Id).ToList(), picked.Count - fresh.Count);
    }

    private static async Task SaveAsync(GrowthDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ConflictException("One of these was imported at the same time (in another tab?). Nothing was imported twice: list your work again.");
        }
    }
}
