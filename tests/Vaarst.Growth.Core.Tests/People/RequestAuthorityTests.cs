using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Tests.People;

/// <summary>One reading of the caller's directory record per HTTP request, and none beyond it (ADR 0004).</summary>
public sealed class RequestAuthorityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Use_cases_of_one_request_confirm_their_caller_against_the_requests_reading()
    {
        await using var s = await Scenario.CreateAsync();
        var reading = await s.Database.ReadAuthorityAsync(s.Edge.PersonId!.Value, Ct);

        using (RequestAuthority.Begin())
        {
            RequestAuthority.Remember(reading!);
            s.Database.Commands.Reset();
            var confirmed = await s.Database.ConfirmAsync(s.Edge, Ct);

            Assert.Equal(0, s.Database.Commands.Count);
            Assert.Equal(reading!.Roles, confirmed.Roles);

            // Someone else's use case in the same process is not confirmed by this request's reading.
            await s.Database.ConfirmAsync(s.Manager, Ct);
            Assert.Equal(1, s.Database.Commands.Count);
        }
    }

    [Fact]
    public async Task Outside_a_request_and_after_it_ends_every_confirmation_reads_the_directory()
    {
        await using var s = await Scenario.CreateAsync();
        var reading = await s.Database.ReadAuthorityAsync(s.Edge.PersonId!.Value, Ct);
        Func<Task<Actor>> later;

        using (RequestAuthority.Begin())
        {
            RequestAuthority.Remember(reading!);
            // Work the request starts and leaves running carries the request's context with it.
            later = () => s.Database.ConfirmAsync(s.Edge, Ct);
        }

        // The engineer is deactivated after the request ended: the left-over work must see it.
        await using (var db = s.Database.CreateDbContext())
        {
            await db.People.Where(p => p.Id == s.Edge.PersonId).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsActive, false), Ct);
        }

        var refused = await Assert.ThrowsAsync<ForbiddenException>(later);
        Assert.Equal(Authority.AccessEndedMessage, refused.Message);

        // Without a request at all, remembering does nothing.
        RequestAuthority.Remember(reading!);
        Assert.Null(RequestAuthority.Recall(s.Edge.PersonId!.Value));
    }
}
