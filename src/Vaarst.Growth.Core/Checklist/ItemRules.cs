using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Checklist;

/// <summary>Rules about checklist items shared by several use cases.</summary>
public static class ItemRules
{
    public const int MaxReasonLength = TextLimits.Reason;

    public static string StaleMessage(string what) =>
        $"{what} changed since you opened it (in another tab, or by a review). Nothing of yours was saved: reload to see the latest and try again.";

    /// <summary>Throws a conflict when the caller's view of the item is out of date.</summary>
    public static void EnsureVersion(ChecklistItem item, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != item.Version)
        {
            throw new ConflictException(StaleMessage("This item"));
        }
    }

    /// <summary>
    /// The current statement, if it is on the engineer's checklist: a level of their craft, in the All section or
    /// their specialism's section, not retired.
    /// </summary>
    public static async Task<Statement> RequireApplicableStatementAsync(GrowthDbContext db, int personId, int statementId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.CraftId, p.Specialism }).SingleAsync(cancellationToken);
        var statement = await db.Statements
            .Where(s => s.Id == statementId && s.RetiredInVersionId == null && s.Area!.RetiredInVersionId == null && s.Area.IsDefined
                && s.Area.Section!.RetiredInVersionId == null && s.Area.Section.Level!.CraftId == person.CraftId)
            .Where(Applicability.Via<Statement>(s => s.Area!.Section, person.Specialism))
            .FirstOrDefaultAsync(cancellationToken);
        return statement ?? throw new NotFoundException("That statement is not on your checklist (it may belong to another specialism or have been retired).");
    }

    /// <summary>
    /// Flags signed-off items for re-confirmation: the sign-off stays recorded, the item shows it needs another look.
    /// Returns the flagged items (tracked), already audited.
    /// </summary>
    public static async Task<IReadOnlyList<ChecklistItem>> FlagSignedOffAsync(
        GrowthDbContext db, Actor actor, IQueryable<ChecklistItem> candidates, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var items = await candidates.Where(i => i.Status == ItemStatus.SignedOff && !i.NeedsReconfirmation).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            item.NeedsReconfirmation = true;
            item.ReconfirmationReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
            item.UpdatedAtUtc = now;
            db.Record(actor, now, AuditEventTypes.ItemFlaggedForReconfirmation, "ChecklistItem", item.Id.ToString(), reason,
                before: new { needsReconfirmation = false }, after: new { needsReconfirmation = true, reason }, personId: item.PersonId);
        }

        return items;
    }

    /// <summary>
    /// What to tell each flagged item's reviewers (line manager and today's delegates): read in the unit of work that
    /// flags the items, in one query however many there are; sent with <see cref="INotificationSender"/> after the commit.
    /// </summary>
    public static async Task<IReadOnlyList<NotificationMessage>> ReconfirmationNoticesAsync(
        GrowthDbContext db, IReadOnlyCollection<ChecklistItem> flagged, DateTime now, CancellationToken cancellationToken)
    {
        if (flagged.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(now);
        var engineerIds = flagged.Select(i => i.PersonId).Distinct().ToList();
        var engineers = await db.People.AsNoTracking()
            .Where(p => engineerIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.ManagerId,
                Delegates = db.Delegations
                    .Where(d => d.ManagerId == p.ManagerId && d.EndedEarlyAtUtc == null && d.StartsOn <= today && today <= d.EndsOn)
                    .Select(d => d.DelegateId)
                    .ToList(),
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return flagged
            .SelectMany(item =>
            {
                var engineer = engineers[item.PersonId];
                return ReviewAuthority.Reviewers(engineer.Id, engineer.ManagerId, engineer.Delegates).Select(reviewer =>
                    new NotificationMessage(reviewer, NotificationKinds.ReconfirmationNeeded,
                        $"Re-confirm a sign-off of {engineer.Name}: {item.ReconfirmationReason}", $"/reviews/items/{item.Id}"));
            })
            .ToList();
    }

    /// <summary>Saves, turning a lost optimistic-concurrency race into a message for the user.</summary>
    public static async Task SaveAsync(GrowthDbContext db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(StaleMessage(what));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ConflictException(StaleMessage(what));
        }
    }
}
