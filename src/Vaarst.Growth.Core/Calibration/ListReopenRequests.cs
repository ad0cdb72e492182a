using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Calibration;

/// <param name="Candidate">The blind label ("Candidate A"): the approver judges the reason, not the person.</param>
/// <param name="MayApprove">The caller is not the one who asked.</param>
public sealed record ReopenRequestView(int Id, string SessionName, string Candidate, string RequestedBy, string Reason, DateTime RequestedAtUtc,
    Outcome PreviousDecision, bool Approved, bool MayApprove);

/// <summary>Requests to reopen a released decision that wait for, or have, an approval (not yet decided again), for administrators.</summary>
public sealed class ListReopenRequests(IDbContextFactory<GrowthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ReopenRequestView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only administrators approve reopening a decision.");
        }

        var me = actor.PersonId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ReopenRequests.AsNoTracking().Where(r => r.RedecidedAtUtc == null).OrderBy(r => r.RequestedAtUtc)
            .Select(r => new
            {
                r.Id, Session = r.Nomination!.Session!.Name, r.Nomination.Alias, By = db.People.Where(p => p.Id == r.RequestedById).Select(p => p.Name).First(),
                r.Reason, r.RequestedAtUtc, r.PreviousDecision, Approved = r.ApprovedAtUtc != null, r.RequestedById,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReopenRequestView(r.Id, r.Session, SessionAccess.Label(r.Alias), r.By, r.Reason, r.RequestedAtUtc, r.PreviousDecision, r.Approved,
            !r.Approved && r.RequestedById != me)).ToList();
    }
}
