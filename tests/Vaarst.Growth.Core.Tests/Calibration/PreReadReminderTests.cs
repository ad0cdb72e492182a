using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Calibration;

public sealed class PreReadReminderTests
{
    [Fact]
    public async Task Members_with_pre_reads_to_do_are_reminded_a_week_and_a_day_before_once_each()
    {
        await using var s = await CreateAsync();
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Winter · Level 4", 4, new DateOnly(2026, 12, 20), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Shipped the edge pipeline"), Ct);
        var clock = s.Database.Clock;
        var reminders = s.UseCase<PreReadReminders>();

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.Zero)); // 8 days before: nothing yet
        Assert.Equal(0, await reminders.QueueDueAsync(Ct));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 13, 9, 0, 0, TimeSpan.Zero)); // a week before: both members
        Assert.Equal(2, await reminders.QueueDueAsync(Ct));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await reminders.QueueDueAsync(Ct)); // once

        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel1, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero)); // a day before: only who still has one to do
        Assert.Equal(1, await reminders.QueueDueAsync(Ct));
        clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(0, await reminders.QueueDueAsync(Ct));

        await using var db = s.Database.CreateDbContext();
        var sent = await db.Notifications.Where(n => n.Kind == NotificationKinds.CalibrationReminder).OrderBy(n => n.Id).ToListAsync(Ct);
        Assert.Equal([s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value, s.Panel2.PersonId!.Value], sent.Select(n => n.RecipientId));
        Assert.All(sent, n => Assert.Equal($"/calibration/{session}", n.Link));
        Assert.Contains("1 day before", sent[^1].Title);
    }

    [Fact]
    public async Task Before_nominations_close_engineers_with_items_to_submit_and_managers_with_items_to_review_are_reminded_once_each()
    {
        await using var s = await CreateAsync();
        var clock = s.Database.Clock;
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await s.UseCase<CreateCycle>().HandleAsync(s.Admin, new CreateCycleRequest("2027 H1", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 15)), Ct);
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance/benchmarking code")); // a draft with evidence
        await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync("I use technologies for code, data and model versioning"), Checklist.ItemStatus.Submitted);
        var reminders = s.UseCase<CycleDeadlineReminders>();

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.Zero)); // 8 days before: nothing yet
        Assert.Equal(0, await reminders.QueueDueAsync(Ct));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 13, 9, 0, 0, TimeSpan.Zero)); // a week before: Eda (draft) and Mia (Max's submitted item)
        Assert.Equal(2, await reminders.QueueDueAsync(Ct));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await reminders.QueueDueAsync(Ct)); // once

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero)); // a day before
        Assert.Equal(2, await reminders.QueueDueAsync(Ct));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero)); // nominations closed: no more
        Assert.Equal(0, await reminders.QueueDueAsync(Ct));

        await using var db = s.Database.CreateDbContext();
        var sent = await db.Notifications.Where(n => n.Kind == NotificationKinds.CycleReminder).OrderBy(n => n.Id).ToListAsync(Ct);
        Assert.Equal(4, sent.Count);
        Assert.Equal(new[] { s.Edge.PersonId!.Value, s.Manager.PersonId!.Value }.Order(), sent.Take(2).Select(n => n.RecipientId).Order());
        Assert.Equal(["/checklist", "/reviews"], sent.Where(n => n.Title.Contains("1 week")).OrderBy(n => n.Link).Select(n => n.Link));
        Assert.All(sent.Where(n => n.RecipientId == s.Edge.PersonId), n => Assert.Contains("submit your items before \"2027 H1\" nominations close on 20 Dec 2026", n.Title));
        Assert.Contains(sent, n => n.RecipientId == s.Manager.PersonId && n.Title.StartsWith("Reminder (1 day before): items wait for your review"));
    }
}
