using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Review;

/// <param name="PrefersDarkMode">The person's theme choice.</param>
/// <param name="UnreadNotifications">The notification bell's badge.</param>
/// <param name="ToReview">Items waiting for the person as a reviewer (as <see cref="CountReviewQueue"/> counts them).</param>
/// <param name="TimeZone">The person's stored IANA time zone, if any (as <see cref="GetPreferences"/> reads it): the
/// frame's read is also the one that tells every page which zone to show dates and times in.</param>
public sealed record NavigationSummary(bool PrefersDarkMode, int UnreadNotifications, int ToReview, string? TimeZone);

/// <summary>
/// What the layout shows around every page for the signed-in person, and the time zone every page shows dates in, in
/// one use case: one confirmation of the caller, one context, two queries. The layout used to run three use cases per
/// page (dark mode, the bell's inbox with its latest 20 notifications, the review count): a third of a page's server
/// time (docs/performance.md); and the web app read the time zone in a fourth (<see cref="GetPreferences"/>). The bell
/// reads its notifications only when it is opened (<see cref="GetNotifications"/>).
/// </summary>
public sealed class GetNavigationSummary(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public async Task<NavigationSummary> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        var personId = actor.RequirePerson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await Person.For(db)(db, personId, cancellationToken);
        var toReview = await CountReviewQueue.CountAsync(db, personId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        return new NavigationSummary(person.PrefersDarkMode, person.Unread, toReview, person.TimeZone);
    }

    // Compiled (once per model): every page reads it.
    private static readonly CompiledPerModel<Func<GrowthDbContext, int, CancellationToken, Task<PersonRow>>> Person = new(() =>
        EF.CompileAsyncQuery((GrowthDbContext db, int personId, CancellationToken _) => db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonRow(p.PrefersDarkMode == true, p.TimeZone, db.Notifications.Count(n => n.RecipientId == personId && n.ReadAtUtc == null)))
            .Single()));

    private sealed record PersonRow(bool PrefersDarkMode, string? TimeZone, int Unread);
}
