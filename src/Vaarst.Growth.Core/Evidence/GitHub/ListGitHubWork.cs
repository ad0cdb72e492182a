using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record ListGitHubWorkRequest(DateOnly From, DateOnly To);

/// <param name="ImportedEvidenceId">The evidence it already became, if it was imported before.</param>
public sealed record GitHubWorkItem(GitHubWork Work, int? ImportedEvidenceId);

/// <summary>The engineer's merged pull requests and authored issues in a date window, and which are already evidence.</summary>
public sealed class ListGitHubWork(IDbContextFactory<GrowthDbContext> dbFactory, GitHubOptions options, ISecretProtector protector)
{
    public async Task<IReadOnlyList<GitHubWorkItem>> HandleAsync(Actor actor, ListGitHubWorkRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var work = await ReadAsync(db, options, protector, personId, request, cancellationToken);
        var ids = work.Select(w => w.ExternalId).ToList();
        var imported = await db.Evidence.AsNoTracking()
            .Where(e => e.Provider == GitHubSource.Provider && ids.Contains(e.ExternalId!))
            .Select(e => new { e.ExternalId, e.Id }).ToDictionaryAsync(e => e.ExternalId!, e => e.Id, cancellationToken);
        return work.Select(w => new GitHubWorkItem(w, imported.TryGetValue(w.ExternalId, out var id) ? id : null)).ToList();
    }

    /// <summary>The window's work as GitHub lists it now, with the engineer's stored token.</summary>
    internal static async Task<IReadOnlyList<GitHubWork>> ReadAsync(GrowthDbContext db, GitHubOptions options, ISecretProtector protector, int personId, ListGitHubWorkRequest request, CancellationToken cancellationToken)
    {
        if (request.From > request.To)
        {
            throw new ValidationException("The start of the window must be before its end.");
        }

        if (request.To.DayNumber - request.From.DayNumber > 366 * 2)
        {
            throw new ValidationException("Choose a window of at most two years.");
        }

        var connection = await db.GitHubConnections.AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, cancellationToken)
            ?? throw new ValidationException("Connect your GitHub account first.");
        var token = protector.Unprotect(connection.ProtectedToken)
            ?? throw new ValidationException("Your GitHub token can no longer be read: connect your GitHub account again.");
        return await GitHubSource.ListAsync(options, GitHubSource.Connect(options, token), connection.Login, request.From, request.To);
    }
}
