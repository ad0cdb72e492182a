using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Tests.Data;

/// <summary>Work for a client that has gone away stops at the next read (ADR 0010).</summary>
public sealed class AbandonedRequestsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_use_case_for_an_abandoned_request_stops_before_its_first_query()
    {
        await using var s = await Scenario.CreateAsync();
        using var abandoned = new CancellationTokenSource();
        await abandoned.CancelAsync();

        using (AbandonedRequests.Enter(abandoned.Token))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(), Ct));
        }

        // Outside the request's scope nothing is stopped, and a live request reads as before.
        var gap = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);
        using var live = new CancellationTokenSource();
        using (AbandonedRequests.Enter(live.Token))
        {
            var again = await s.UseCase<GetGap>().HandleAsync(s.Edge, new GetGapRequest(), Ct);
            Assert.Equal(gap.Overall, again.Overall);
        }
    }

    [Fact]
    public async Task A_request_abandoned_in_the_middle_stops_at_its_next_read()
    {
        await using var s = await Scenario.CreateAsync();
        using var request = new CancellationTokenSource();
        using (AbandonedRequests.Enter(request.Token))
        {
            await using var db = s.Database.CreateDbContext();
            Assert.True(await db.People.AnyAsync(Ct));
            await request.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.People.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task A_unit_of_work_that_has_started_writing_is_not_cut_short()
    {
        await using var s = await Scenario.CreateAsync();
        using var abandoned = new CancellationTokenSource();
        await abandoned.CancelAsync();
        using (AbandonedRequests.Enter(abandoned.Token))
        {
            await using var db = s.Database.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var person = await db.People.SingleAsync(p => p.Id == s.Edge.PersonId, Ct);
            person.Name = "Eda Edge-Renamed";
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var check = s.Database.CreateDbContext();
        Assert.Equal("Eda Edge-Renamed", await check.People.Where(p => p.Id == s.Edge.PersonId).Select(p => p.Name).SingleAsync(Ct));
    }
}
