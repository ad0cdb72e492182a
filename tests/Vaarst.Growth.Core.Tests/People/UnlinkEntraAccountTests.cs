using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People;

/// <summary>
/// A person whose Entra ID account was replaced: the stored object id no longer matches and their e-mail is bound, so
/// they can never sign in again, until an administrator unlinks the old account and the next sign-in links the new one.
/// </summary>
public sealed class UnlinkEntraAccountTests
{
    [Fact]
    public async Task A_replaced_Entra_account_cannot_sign_in_until_an_administrator_unlinks_the_old_one_then_it_is_linked_by_email()
    {
        await using var s = await CreateAsync();
        var directory = new SignInDirectory(s.Database);
        await directory.MatchAsync("oid-old", "eda@vaarst.example", Ct);
        Assert.Null(await directory.MatchAsync("oid-new", "eda@vaarst.example", Ct));
        var stamp = await StampAsync(s);

        await s.UseCase<UnlinkEntraAccount>().HandleAsync(s.Admin, new UnlinkEntraAccountRequest(s.Edge.PersonId!.Value, await VersionAsync(s)), Ct);

        Assert.False((await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.Edge.PersonId!.Value, Ct)).SignedInWithEntra);
        Assert.NotEqual(stamp, await StampAsync(s));
        await using (var db = s.Database.CreateDbContext())
        {
            var audit = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.EntraAccountUnlinked, Ct);
            Assert.Equal((s.Admin.PersonId, s.Edge.PersonId), (audit.ActorId, audit.PersonId));
            Assert.Contains("oid-old", audit.Before);
        }

        Assert.Equal(s.Edge.PersonId, (await directory.MatchAsync("oid-new", "eda@vaarst.example", Ct))!.PersonId);
        Assert.Null(await directory.MatchAsync("oid-old", "eda@vaarst.example", Ct));
        await using var after = s.Database.CreateDbContext();
        Assert.Equal("oid-new", await after.People.Where(p => p.Id == s.Edge.PersonId).Select(p => p.EntraObjectId).SingleAsync(Ct));
        Assert.Equal(2, await after.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EntraAccountBound && a.PersonId == s.Edge.PersonId, Ct));
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("Edge")]
    public async Task A_manager_or_the_person_themself_may_not_unlink_and_nothing_changes(string who)
    {
        await using var s = await CreateAsync();
        await new SignInDirectory(s.Database).MatchAsync("oid-old", "eda@vaarst.example", Ct);
        var actor = who == "Manager" ? s.Manager : s.Edge;
        var version = await VersionAsync(s);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<UnlinkEntraAccount>().HandleAsync(actor, new UnlinkEntraAccountRequest(s.Edge.PersonId!.Value, version), Ct));

        await AssertStillLinkedAsync(s, version);
    }

    [Fact]
    public async Task Unlinking_someone_not_in_the_directory_is_refused_clearly()
    {
        await using var s = await CreateAsync();

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<UnlinkEntraAccount>().HandleAsync(s.Admin, new UnlinkEntraAccountRequest(999_999, 0), Ct));

        Assert.Equal("That person is not in the directory.", ex.Message);
        Assert.Equal(0, await UnlinkedEventsAsync(s));
    }

    [Fact]
    public async Task Unlinking_someone_who_never_signed_in_with_Entra_is_refused_clearly()
    {
        await using var s = await CreateAsync();
        var version = await VersionAsync(s);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<UnlinkEntraAccount>().HandleAsync(s.Admin, new UnlinkEntraAccountRequest(s.Edge.PersonId!.Value, version), Ct));

        Assert.Contains("Eda Edge has no Entra ID sign-in linked", ex.Message);
        Assert.Equal(0, await UnlinkedEventsAsync(s));
    }

    [Fact]
    public async Task Unlinking_from_a_stale_editor_is_refused_and_changes_nothing()
    {
        await using var s = await CreateAsync();
        await new SignInDirectory(s.Database).MatchAsync("oid-old", "eda@vaarst.example", Ct);
        var version = await VersionAsync(s);

        await Assert.ThrowsAsync<ConflictException>(() => s.UseCase<UnlinkEntraAccount>().HandleAsync(s.Admin, new UnlinkEntraAccountRequest(s.Edge.PersonId!.Value, version - 1), Ct));

        await AssertStillLinkedAsync(s, version);
    }

    private static async Task AssertStillLinkedAsync(Scenario s, int version)
    {
        await using var db = s.Database.CreateDbContext();
        var person = await db.People.SingleAsync(p => p.Id == s.Edge.PersonId, Ct);
        Assert.Equal(("oid-old", version), (person.EntraObjectId, person.Version));
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EntraAccountUnlinked, Ct));
    }

    private static async Task<int> UnlinkedEventsAsync(Scenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EntraAccountUnlinked, Ct);
    }

    private static async Task<int> VersionAsync(Scenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.People.Where(p => p.Id == s.Edge.PersonId).Select(p => p.Version).SingleAsync(Ct);
    }

    private static async Task<string> StampAsync(Scenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.People.Where(p => p.Id == s.Edge.PersonId).Select(p => p.SecurityStamp).SingleAsync(Ct);
    }
}
