using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

public sealed record ConnectGitHubRequest(string Token);

/// <summary>
/// Connects (or reconnects) the engineer's GitHub account with a personal access token: the token is tried against
/// GitHub first, then stored encrypted (<see cref="ISecretProtector"/>). The audit event names the login, never the token.
/// </summary>
public sealed class ConnectGitHub(IDbContextFactory<GrowthDbContext> dbFactory, GitHubOptions options, ISecretProtector protector, TimeProvider time)
{
    public async Task<string> HandleAsync(Actor actor, ConnectGitHubRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        var token = request.Token?.Trim() ?? "";
        if (token.Length == 0 || token.Length > 1000 || token.Any(char.IsWhiteSpace))
        {
            throw new ValidationException("Paste a GitHub personal access token (it has no spaces).");
        }

        var login = await GitHubSource.LoginAsync(options, GitHubSource.Connect(options, token));
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.GitHubConnections.FirstOrDefaultAsync(c => c.PersonId == personId, cancellationToken);
        var before = connection?.Login;
        if (connection is null)
        {
            connection = new GitHubConnection { PersonId = personId, Login = login, ProtectedToken = "", BaseUrl = options.BaseUrl };
            db.GitHubConnections.Add(connection);
        }

        connection.Login = login;
        connection.ProtectedToken = protector.Protect(token);
        connection.BaseUrl = options.BaseUrl;
        connection.ConnectedAtUtc = now;
        db.Record(actor, now, AuditEventTypes.GitHubConnected, "Person", personId.ToString(),
            $"{actor.Name} connected the GitHub account {login} ({new Uri(options.BaseUrl).Host})",
            before is null ? null : new { login = before }, new { login, server = new Uri(options.BaseUrl).Host }, personId);
        await db.SaveChangesAsync(cancellationToken);
        return login;
    }
}
