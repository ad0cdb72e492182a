using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.People;

public sealed class DirectoryTests
{
    private const string Header = "name,email,manager_email,craft,specialism,current_level,target_level,roles";
    private const string Craft = "ML and Edge ML Engineer Craft";

    [Fact]
    public async Task Preview_shows_adds_changes_and_unchanged_without_writing()
    {
        await using var s = await CreateAsync();
        var csv = $"""
            {Header}
            Nina New,nina@vaarst.example,mia@vaarst.example,{Craft},ML Engineer,3,4,Engineer
            Eda Edge,eda@vaarst.example,oscar@vaarst.example,{Craft},Edge ML Engineer,3,4,Engineer
            Max Ml,max@vaarst.example,mia@vaarst.example,{Craft},ML Engineer,3,4,Engineer
            """;

        var preview = await s.UseCase<PreviewDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        Assert.Empty(preview.Problems);
        Assert.True(preview.CanApply);
        Assert.Equal(1, preview.Unchanged);
        Assert.Equal(("nina@vaarst.example", DirectoryChangeKind.Add), (preview.Changes[0].Email, preview.Changes[0].Kind));
        var change = preview.Changes.Single(c => c.Kind == DirectoryChangeKind.Change);
        Assert.Equal(["manager: mia@vaarst.example → oscar@vaarst.example"], change.Differences);
        Assert.Equal(6, preview.NotInFile);
        Assert.Equal(8, await s.CountAsync<Person>());
    }

    [Fact]
    public async Task Preview_reports_every_problem_by_line()
    {
        await using var s = await CreateAsync();
        var csv = $"""
            {Header}
            Ann,ann@vaarst.example,nobody@vaarst.example,{Craft},ML Engineer,3,4,Engineer
            Bob,bob@vaarst.example,cid@vaarst.example,,,,,Engineer
            Cid,cid@vaarst.example,bob@vaarst.example,,,,,Manager
            Dee,dee@vaarst.example,,{Craft},Quantum Engineer,3,9,Engineer
            Eve,ann@vaarst.example,,,,,,Engineer;Wizard
            Fay,not-an-email,,,,x,,Engineer
            """;

        var preview = await s.UseCase<PreviewDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        var text = preview.Problems.Select(p => p.ToString()).ToList();
        Assert.False(preview.CanApply);
        Assert.Contains(text, p => p.StartsWith("Line 2: Unknown manager nobody@vaarst.example"));
        Assert.Contains(text, p => p.StartsWith("Line 3: The reporting line of bob@vaarst.example loops"));
        Assert.Contains(text, p => p.StartsWith("Line 4: The reporting line of cid@vaarst.example loops"));
        Assert.Contains(text, p => p.StartsWith("Line 5: Unknown specialism 'Quantum Engineer'"));
        Assert.Contains(text, p => p.StartsWith("Line 5: Unknown target level 9"));
        Assert.Contains(text, p => p.StartsWith("Line 6: Duplicate e-mail ann@vaarst.example (also on line 2)"));
        Assert.Contains(text, p => p.StartsWith("Line 6: Unknown role 'Wizard'"));
        Assert.Contains(text, p => p.StartsWith("Line 7: 'not-an-email' is not an e-mail address"));
        Assert.Contains(text, p => p.StartsWith("Line 7: current_level must be a level number"));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Admin, csv, Ct));
        Assert.Equal(8, await s.CountAsync<Person>());
    }

    [Fact]
    public async Task Apply_writes_everything_at_once_and_is_audited()
    {
        await using var s = await CreateAsync();
        var csv = $"""
            {Header}
            Lea Lead,lea@vaarst.example,,,,,,Manager
            Nina New,nina@vaarst.example,lea@vaarst.example,{Craft},ML Engineer,3,4,Engineer;CalibrationPanel
            Eda Edge,eda@vaarst.example,lea@vaarst.example,{Craft},Edge ML Engineer,4,4,Engineer
            """;

        var result = await s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        Assert.Equal(3, result.Changes.Count);
        await using var db = s.Database.CreateDbContext();
        var nina = await db.People.Include(p => p.Manager).SingleAsync(p => p.Email == "nina@vaarst.example", Ct);
        Assert.Equal(("Lea Lead", Roles.Engineer | Roles.CalibrationPanel, "ML Engineer", 4), (nina.Manager!.Name, nina.Roles, nina.Specialism, nina.TargetLevel));
        var eda = await db.People.Include(p => p.Manager).SingleAsync(p => p.Email == "eda@vaarst.example", Ct);
        Assert.Equal(("Lea Lead", 4), (eda.Manager!.Name, eda.CurrentLevel));
        var audit = await db.AuditEvents.Where(a => a.Type == AuditEventTypes.DirectoryImported).ToListAsync(Ct);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal(("Person", a.PersonId.ToString()), (a.SubjectType, a.SubjectId)));
        Assert.Equal(new[] { eda.Id, nina.Id, nina.ManagerId!.Value }.Order(), audit.Select(a => a.PersonId!.Value).Order());
        await Assert.ThrowsAsync<ForbiddenException>(() => s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Manager, csv, Ct));
    }

    [Fact]
    public async Task Apply_audits_each_changed_person_so_the_log_filtered_by_them_shows_it()
    {
        await using var s = await CreateAsync();
        var csv = $"""
            {Header}
            Eda Edge,eda@vaarst.example,mia@vaarst.example,{Craft},Edge ML Engineer,3,4,Engineer;Manager
            Max Ml,max@vaarst.example,mia@vaarst.example,{Craft},ML Engineer,3,4,Engineer
            """;

        await s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        var eda = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(PersonId: s.Edge.PersonId), cancellationToken: Ct);
        var entry = Assert.Single(eda.Entries, e => e.Type == AuditEventTypes.DirectoryImported);
        Assert.Equal(("Person", s.Edge.PersonId.ToString(), "Eda Edge"), (entry.SubjectType, entry.SubjectId, entry.PersonName));
        Assert.Contains("roles: Engineer → Engineer;Manager", entry.Summary);
        var max = await s.UseCase<GetAuditLog>().HandleAsync(s.Admin, new AuditLogFilter(PersonId: s.Ml.PersonId), cancellationToken: Ct);
        Assert.DoesNotContain(max.Entries, e => e.Type == AuditEventTypes.DirectoryImported);
    }

    [Fact]
    public async Task Import_that_leaves_no_active_administrator_is_a_problem_in_the_preview_and_refused_on_apply()
    {
        await using var s = await CreateAsync();
        var csv = $"""
            {Header}
            Ada Admin,ada@vaarst.example,,,,,,Manager
            """;

        var audited = await s.CountAsync<AuditEvent>();
        var preview = await s.UseCase<PreviewDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        Assert.False(preview.CanApply);
        var problem = Assert.Single(preview.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("no active administrator", problem.Message);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Admin, csv, Ct));
        Assert.Contains("no active administrator", ex.Message);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(Roles.Administrator, await db.People.Where(p => p.Id == s.Admin.PersonId).Select(p => p.Roles).SingleAsync(Ct));
        Assert.Equal(audited, await db.AuditEvents.CountAsync(Ct));

        // Handing the role to someone else in the same file is fine.
        var handover = csv + "\nOscar Othermanager,oscar@vaarst.example,,,,,,Manager;Administrator";
        Assert.True((await s.UseCase<PreviewDirectoryImport>().HandleAsync(s.Admin, handover, Ct)).CanApply);
        await s.UseCase<ApplyDirectoryImport>().HandleAsync(s.Admin, handover, Ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpdatePerson_that_leaves_no_active_administrator_is_refused(bool deactivate)
    {
        await using var s = await CreateAsync();
        var ada = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.Admin.PersonId!.Value, Ct);
        var audited = await s.CountAsync<AuditEvent>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(ada.Id, ada.Version, ada.Name, ada.Email, null, null, null, null, null, deactivate ? Roles.Administrator : Roles.Manager, IsActive: !deactivate), Ct));

        Assert.Contains("no active administrator", ex.Message);
        var after = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, ada.Id, Ct);
        Assert.Equal(ada.Version, after.Version);
        Assert.Equal(audited, await s.CountAsync<AuditEvent>());
    }

    [Fact]
    public async Task Export_then_import_changes_nothing()
    {
        await using var s = await CreateAsync();

        var csv = await s.UseCase<ExportDirectory>().HandleAsync(s.Admin, Ct);
        var preview = await s.UseCase<PreviewDirectoryImport>().HandleAsync(s.Admin, csv, Ct);

        Assert.StartsWith(Header, csv);
        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Changes);
        Assert.Equal(8, preview.Unchanged);
    }

    [Fact]
    public async Task UpdatePerson_edits_one_person_with_the_same_checks_and_concurrency()
    {
        await using var s = await CreateAsync();
        var edit = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.Edge.PersonId!.Value, Ct);

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email, "eda@vaarst.example", edit.Craft, edit.Specialism, 3, 4, edit.Roles), Ct));
        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, "max@vaarst.example", edit.ManagerEmail, edit.Craft, edit.Specialism, 3, 4, edit.Roles), Ct));
        await s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(edit.Id, edit.Version, "Eda Edgeworth", edit.Email, "oscar@vaarst.example", edit.Craft, edit.Specialism, 4, 4, edit.Roles), Ct);
        await Assert.ThrowsAsync<ConflictException>(() => s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(edit.Id, edit.Version, "Stale", edit.Email, edit.ManagerEmail, edit.Craft, edit.Specialism, 3, 4, edit.Roles), Ct));

        var after = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, edit.Id, Ct);
        Assert.Equal(("Eda Edgeworth", "oscar@vaarst.example", 4), (after.Name, after.ManagerEmail, after.CurrentLevel));
        var cycle = await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.OtherManager.PersonId!.Value, Ct);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<UpdatePerson>().HandleAsync(s.Admin,
            new UpdatePersonRequest(cycle.Id, cycle.Version, cycle.Name, cycle.Email, "eda@vaarst.example", null, null, null, null, cycle.Roles), Ct));
        Assert.Contains("loops back", ex.Message);
    }

    [Fact]
    public async Task Entra_sign_in_with_another_object_id_does_not_take_over_a_person_already_bound_to_one()
    {
        // preferred_username (or an e-mail claim) is not proof of who someone is: once a person signed in with an object
        // id, another account (a guest, or an account that was given the same e-mail) does not become them.
        await using var s = await CreateAsync();
        var directory = new SignInDirectory(s.Database);
        Assert.Equal(s.Edge.PersonId, (await directory.MatchAsync("oid-eda", "eda@vaarst.example", Ct))!.PersonId);

        Assert.Null(await directory.MatchAsync("oid-intruder", "eda@vaarst.example", Ct));
        Assert.Null(await directory.MatchAsync("oid-intruder", "EDA@VAARST.EXAMPLE", Ct));
        Assert.Null(await directory.MatchAsync(null, "eda@vaarst.example", Ct));
        Assert.Equal(s.Edge.PersonId, (await directory.MatchAsync("oid-eda", "eda@vaarst.example", Ct))!.PersonId);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal("oid-eda", await db.People.Where(p => p.Id == s.Edge.PersonId).Select(p => p.EntraObjectId).SingleAsync(Ct));
    }

    [Fact]
    public async Task Binding_an_Entra_account_to_a_person_is_audited_about_them_once()
    {
        // Which account may sign in as whom is a change of the directory like any other: it has its audit event.
        await using var s = await CreateAsync();
        var directory = new SignInDirectory(s.Database, s.Database.Clock);

        await directory.MatchAsync("oid-eda", "eda@vaarst.example", Ct);
        await directory.MatchAsync("oid-eda", "eda@vaarst.example", Ct);

        await using var db = s.Database.CreateDbContext();
        var bound = await db.AuditEvents.SingleAsync(a => a.Type == AuditEventTypes.EntraAccountBound, Ct);
        Assert.Equal((s.Edge.PersonId, s.Edge.PersonId, "Person", s.Edge.PersonId.ToString()), (bound.ActorId, bound.PersonId, bound.SubjectType, bound.SubjectId));
        Assert.Contains("oid-eda", bound.After);
    }

    [Fact]
    public async Task Entra_sign_in_matches_by_object_id_else_by_email_and_then_stores_the_object_id()
    {
        await using var s = await CreateAsync();
        var directory = new SignInDirectory(s.Database);

        var byEmail = await directory.MatchAsync("oid-123", "EDA@vaarst.example", Ct);
        var byOid = await directory.MatchAsync("oid-123", "someone-else@vaarst.example", Ct);
        var unknown = await directory.MatchAsync("oid-999", "stranger@elsewhere.example", Ct);

        Assert.Equal(s.Edge.PersonId, byEmail!.PersonId);
        Assert.Equal(s.Edge.PersonId, byOid!.PersonId);
        Assert.Null(unknown);
        Assert.True((await s.UseCase<GetPersonForEdit>().HandleAsync(s.Admin, s.Edge.PersonId!.Value, Ct)).SignedInWithEntra);
    }
}
