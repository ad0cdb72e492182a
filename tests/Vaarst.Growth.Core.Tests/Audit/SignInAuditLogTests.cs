using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Audit;

/// <summary>Sign-ins, refused sign-ins and sign-outs in the audit log, and the log's one filter for all of them.</summary>
public sealed class SignInAuditLogTests
{
    [Fact]
    public async Task The_sign_ins_and_sign_outs_filter_lists_exactly_those_events_and_is_offered_once_there_are_some()
    {
        await using var s = await CreateAsync();
        var directory = new SignInDirectory(s.Database, s.Database.Clock);
        Assert.DoesNotContain(AuditEventTypes.SignInsAndSignOuts, (await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(), 0, 10, Ct)).Types);

        await directory.RecordAsync(new SignInEvent(AuditEventTypes.SignedIn, SignInMethod.Development, s.Edge.PersonId), Ct);
        await directory.RecordAsync(new SignInEvent(AuditEventTypes.SignInRefused, SignInMethod.EntraId, null, "stranger@elsewhere.example"), Ct);
        await directory.RecordAsync(new SignInEvent(AuditEventTypes.SignedOut, SignInMethod.Development, s.Edge.PersonId), Ct);

        var page = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.SignInsAndSignOuts), 0, 10, Ct);
        Assert.Equal(AuditEventTypes.SignInsAndSignOuts, page.Types[0]);
        Assert.Equal([AuditEventTypes.SignedOut, AuditEventTypes.SignInRefused, AuditEventTypes.SignedIn], page.Entries.Select(e => e.Type));
        Assert.Equal(["Eda Edge signed out", "Someone (stranger@elsewhere.example) could not sign in with Entra ID: not in the directory", "Eda Edge signed in with development sign-in"],
            page.Entries.Select(e => e.Summary));
        var edasOwn = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(PersonId: s.Edge.PersonId, Type: AuditEventTypes.SignInsAndSignOuts), 0, 10, Ct);
        Assert.Equal(2, edasOwn.Total);
    }

    [Fact]
    public async Task Only_sign_in_event_types_are_recorded_as_sign_ins()
    {
        await using var s = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new SignInDirectory(s.Database).RecordAsync(new SignInEvent(AuditEventTypes.PersonUpdated, SignInMethod.Development, s.Edge.PersonId), Ct));

        Assert.Equal(0, (await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(Type: AuditEventTypes.SignInsAndSignOuts), 0, 10, Ct)).Total);
    }
}
