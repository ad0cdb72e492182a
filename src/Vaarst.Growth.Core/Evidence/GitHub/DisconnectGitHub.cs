using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>Forgets the engineer's GitHub token. Evidence imported before stays, with its provenance.</summary>
public sealed class DisconnectGitHub(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequireEngineer();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.GitHubConnections.FirstOrDefaultAsync(c => c.PersonId == personId, cancellationToken)
            ?? throw new ValidationException("No GitHub account is connected.");
        var now = time.GetUtcNow().UtcDateTime;
        db.GitHubConnections.Remove(connection);
        db.Record(actor, now, AuditEventTypes.GitHubDisconnected, "Person", personId.ToString(),
            $"{actor.Name} disconnected the GitHub account {connection.Login}", new { login = connection.Login }, null, personId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
