using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <param name="Login">The connected GitHub account; null when none is connected.</param>
/// <param name="Server">The GitHub server work is listed from (github.com or an Enterprise host).</param>
public sealed record GitHubImportStatus(string? Login, string Server, DateTime? ConnectedAtUtc);

/// <summary>Whether the engineer has connected a GitHub account, and to which server. The token is never returned.</summary>
public sealed class GetGitHubImport(IDbContextFactory<GrowthDbContext> dbFactory, GitHubOptions options)
{
    public async Task<GitHubImportStatus> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.GitHubConnections.AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new { c.Login, c.ConnectedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new GitHubImportStatus(connection?.Login, new Uri(options.BaseUrl).Host, connection?.ConnectedAtUtc);
    }
}
