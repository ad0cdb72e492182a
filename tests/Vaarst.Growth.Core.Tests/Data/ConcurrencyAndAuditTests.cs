using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Tests.Data;

public sealed class ConcurrencyAndAuditTests
{
    [Fact]
    public async Task Stale_edit_of_a_person_is_refused_and_the_first_edit_is_kept()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var setup = database.CreateDbContext())
        {
            setup.People.Add(new Person { Name = "Ada", Email = "ada@vaarst.example", Roles = Roles.Engineer });
            await setup.SaveChangesAsync(ct);
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var a = await first.People.SingleAsync(ct);
        var b = await second.People.SingleAsync(ct);

        a.Specialism = "ML Engineer";
        await first.SaveChangesAsync(ct);
        b.Specialism = "Edge ML Engineer";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        await using var check = database.CreateDbContext();
        var stored = await check.People.SingleAsync(ct);
        Assert.Equal("ML Engineer", stored.Specialism);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Audit_events_cannot_be_updated_or_deleted()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var setup = database.CreateDbContext())
        {
            setup.Record(Actor.System, DateTime.UtcNow, "test.event", "Test", "1", "Something happened");
            await setup.SaveChangesAsync(ct);
        }

        await using var db = database.CreateDbContext();
        var auditEvent = await db.AuditEvents.SingleAsync(ct);
        auditEvent.Summary = "Rewritten history";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));

        await using var check = database.CreateDbContext();
        Assert.Equal("Something happened", (await check.AuditEvents.SingleAsync(ct)).Summary);
    }
}
