using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.Home;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People;

/// <summary>
/// Authority is current: what a caller's sign-in claimed (roles, being active, the session itself) counts for nothing
/// once the directory says otherwise. The attacks of issue 13 part 1, against the use cases.
/// </summary>
public sealed class AuthorityTests
{
    private const string Header = "name,email,manager_email,craft,specialism,current_level,target_level,roles";

    [Fact]
    public async Task Deactivated_manager_is_refused_the_gap_csv_and_revoking_a_sign_off_and_nothing_is_recorded()
    {
        await using var s = await CreateAsync();
        var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance/benchmarking code"), ItemStatus.SignedOff);
        var manager = await SignInAsync(s, s.Manager);
        await s.UseCase<ExportGap>().HandleAsync(manager, new GetGapRequest(s.Edge.PersonId), Ct);

        await SetActiveAsync(s, s.Manager, false);
        var events = await s.CountAsync<AuditEvent>();
        var item = await s.ItemAsync(itemId);

        foreach (var stale in new[] { manager, s.Manager })
        {
            var gap = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ExportGap>().HandleAsync(stale, new GetGapRequest(s.Edge.PersonId), Ct));
            var revoke = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<RevokeSignOff>().HandleAsync(stale, new DecisionRequest(itemId, item.Version, "Changed my mind", s.Seen(itemId)), Ct));
            Assert.Contains(gap.Message, new[] { Authority.AccessEndedMessage, Authority.SessionEndedMessage });
            Assert.Contains(revoke.Message, new[] { Authority.AccessEndedMessage, Authority.SessionEndedMessage });
        }

        Assert.Equal(ItemStatus.SignedOff, (await s.ItemAsync(itemId)).Status);
        Assert.Equal(events, await s.CountAsync<AuditEvent>());
    }

    [Fact]
    public async Task Former_administrator_cannot_export_the_directory_or_the_audit_log_once_the_role_is_removed()
    {
        await using var s = await CreateAsync();
        var ada = await SignInAsync(s, s.Admin);
        var ann = await AddPersonAsync(s, "Ann Admin", "ann@vaarst.example", Roles.Administrator);
        await s.UseCase<ExportDirectory>().HandleAsync(ada, Ct);

        var edit = await s.UseCase<GetPersonForEdit>().HandleAsync(ann, s.Admin.PersonId!.Value, Ct);
        await s.UseCase<UpdatePerson>().HandleAsync(ann, new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism,
            edit.CurrentLevel, edit.TargetLevel, Roles.Engineer), Ct);

        // Her cookie still says Administrator; the directory does not. The session itself goes on (roles are read at
        // each action), so what she may still do as an engineer keeps working.
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ExportDirectory>().HandleAsync(ada, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ExportAuditLog>().HandleAsync(ada, new AuditLogFilter(), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ListDirectory>().HandleAsync(ada, Ct));
        Assert.Equal("Ada Admin", (await s.UseCase<GetMyProfile>().HandleAsync(ada, Ct)).Name);
    }

    [Fact]
    public async Task Roles_removed_by_a_directory_import_apply_at_once()
    {
        await using var s = await CreateAsync();
        var ada = await SignInAsync(s, s.Admin);
        var ann = await AddPersonAsync(s, "Ann Admin", "ann@vaarst.example", Roles.Administrator);

        await s.UseCase<ApplyDirectoryImport>().HandleAsync(ann, $"{Header}\nAda Admin,ada@vaarst.example,,,,,,Engineer", Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ExportAuditLog>().HandleAsync(ada, new AuditLogFilter(), Ct));
    }

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_person_and_a_new_sign_in_works()
    {
        await using var s = await CreateAsync();
        var firstTab = await SignInAsync(s, s.Manager);
        var otherDevice = await SignInAsync(s, s.Manager);
        Assert.Equal(firstTab.SecurityStamp, otherDevice.SecurityStamp);
        var version = await VersionAsync(s, s.Manager);

        await s.UseCase<SignInDirectory>().EndSessionsAsync(s.Manager.PersonId!.Value, Ct);

        foreach (var stale in new[] { firstTab, otherDevice })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<GetMyTeam>().HandleAsync(stale, Ct));
            Assert.Equal(Authority.SessionEndedMessage, refused.Message);
        }

        Assert.NotEmpty(await s.UseCase<GetMyTeam>().HandleAsync(await SignInAsync(s, s.Manager), Ct));
        // Signing out is not an edit of the person: an administrator's open edit of them does not conflict.
        Assert.Equal(version, await VersionAsync(s, s.Manager));
    }

    [Fact]
    public async Task Deactivation_ends_sessions_for_good_even_when_the_person_is_reactivated()
    {
        await using var s = await CreateAsync();
        var before = await SignInAsync(s, s.Edge);

        await SetActiveAsync(s, s.Edge, false);
        Assert.Null(await s.UseCase<SignInDirectory>().FindAsync(s.Edge.PersonId!.Value, Ct));
        var ended = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<GetChecklist>().HandleAsync(before, new GetChecklistRequest(), Ct));
        Assert.Equal(Authority.AccessEndedMessage, ended.Message);

        await SetActiveAsync(s, s.Edge, true);
        var stale = await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<GetChecklist>().HandleAsync(before, new GetChecklistRequest(), Ct));
        Assert.Equal(Authority.SessionEndedMessage, stale.Message);
        await s.UseCase<GetChecklist>().HandleAsync(await SignInAsync(s, s.Edge), new GetChecklistRequest(), Ct);
    }

    [Fact]
    public async Task Choosing_dark_mode_or_an_administrators_edit_of_the_profile_does_not_end_the_session()
    {
        await using var s = await CreateAsync();
        var eda = await SignInAsync(s, s.Edge);

        await s.UseCase<SetDarkMode>().HandleAsync(eda, true, Ct);
        var edit = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.Edge.PersonId!.Value, Ct);
        await s.UseCase<UpdatePerson>().HandleAsync(s.Admin, new UpdatePersonRequest(edit.Id, edit.Version, "Eda Edgeworth", edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism,
            edit.CurrentLevel, edit.TargetLevel, edit.Roles), Ct);

        Assert.True(await s.UseCase<GetDarkMode>().HandleAsync(eda, Ct));
        Assert.Equal("Eda Edgeworth", (await s.UseCase<GetMyProfile>().HandleAsync(eda, Ct)).Name);
    }

    /// <summary>The actor a sign-in gives: the directory's roles and the person's current security stamp.</summary>
    private static async Task<Actor> SignInAsync(Scenario s, Actor person) =>
        await s.UseCase<SignInDirectory>().FindAsync(person.PersonId!.Value, Ct) ?? throw new InvalidOperationException("Not signed in.");

    private static async Task<Actor> AddPersonAsync(Scenario s, string name, string email, Roles roles)
    {
        await using var db = s.Database.CreateDbContext();
        var person = new Person { Name = name, Email = email, Roles = roles };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return new Actor(person.Id, name, roles);
    }

    /// <summary>The administrator deactivates or reactivates the person through the directory editor.</summary>
    private static async Task SetActiveAsync(Scenario s, Actor person, bool active)
    {
        var edit = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, person.PersonId!.Value, Ct);
        await s.UseCase<UpdatePerson>().HandleAsync(s.Admin, new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism,
            edit.CurrentLevel, edit.TargetLevel, edit.Roles, active), Ct);
    }

    private static async Task<int> VersionAsync(Scenario s, Actor person)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.People.Where(p => p.Id == person.PersonId).Select(p => p.Version).SingleAsync(Ct);
    }
}
