using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Home;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Home;

public sealed class GetHomeSummaryTests
{
    [Fact]
    public async Task Home_summary_counts_what_waits_for_each_role()
    {
        await using var s = await CreateAsync();
        var (changed, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I can to write performance"), ItemStatus.Submitted);
        await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync("I use technologies for code"));
        await s.ItemWithEvidenceAsync(s.Ml, await s.StatementAsync("I can implement algorithms"), ItemStatus.Submitted);
        var item = await s.ItemAsync(changed);
        await s.UseCase<RequestChanges>().HandleAsync(s.Manager, new DecisionRequest(changed, item.Version, "Link the results run", s.Seen(changed)), Ct);

        var edge = await s.UseCase<GetHomeSummary>().HandleAsync(s.Edge, Ct);
        Assert.Equal(new EngineerTasks(ChangesRequested: 1, UnreadDecisions: 1, Drafts: 1, AwaitingReconfirmation: 0), edge.Engineer);
        Assert.Null(edge.Reviewer);
        Assert.Null(edge.Panel);
        Assert.Null(edge.Administrator);

        var manager = await s.UseCase<GetHomeSummary>().HandleAsync(s.Manager, Ct);
        Assert.Null(manager.Engineer);
        Assert.Equal(new ReviewerTasks(await s.UseCase<CountReviewQueue>().HandleAsync(s.Manager, Ct)), manager.Reviewer);
        Assert.Equal(1, manager.Reviewer!.ToReview);

        var other = await s.UseCase<GetHomeSummary>().HandleAsync(s.OtherManager, Ct);
        Assert.Equal(new ReviewerTasks(0), other.Reviewer);
        Assert.True(other.NothingDue);
        Assert.False(manager.NothingDue);
    }

    [Fact]
    public async Task Home_summary_counts_pre_reads_due_until_the_member_records_them()
    {
        await using var s = await CreateAsync();
        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [s.Panel1.PersonId!.Value, s.Panel2.PersonId!.Value], s.Panel2.PersonId!.Value), Ct);
        var edge = await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Ready"), Ct);

        Assert.Equal(new PanelTasks(2, 1), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Panel1, Ct)).Panel);
        await s.UseCase<SubmitPreRead>().HandleAsync(s.Panel1, new SubmitPreReadRequest(edge, Outcome.Promote, null), Ct);

        Assert.Equal(new PanelTasks(1, 1), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Panel1, Ct)).Panel);
        Assert.Equal(new PanelTasks(2, 1), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Panel2, Ct)).Panel);
        Assert.Equal(new PanelTasks(0, 0), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Panel3, Ct)).Panel);
    }

    [Fact]
    public async Task Home_summary_leaves_out_candidates_the_member_is_recused_from()
    {
        await using var s = await CreateAsync();
        Actor lead;
        await using (var db = s.Database.CreateDbContext())
        {
            var person = new Person { Name = "Lia Lead", Email = "lia@vaarst.example", Roles = Roles.Manager | Roles.CalibrationPanel };
            db.People.Add(person);
            await db.SaveChangesAsync(Ct);
            var ml = await db.People.FindAsync([s.Ml.PersonId!.Value], Ct);
            ml!.ManagerId = person.Id;
            await db.SaveChangesAsync(Ct);
            lead = new Actor(person.Id, person.Name, person.Roles);
        }

        var session = await s.UseCase<CreateSession>().HandleAsync(s.Admin,
            new CreateSessionRequest("Level 4", 4, new DateOnly(2026, 12, 10), [lead.PersonId!.Value, s.Panel1.PersonId!.Value], s.Panel1.PersonId!.Value), Ct);
        await s.UseCase<NominateCandidate>().HandleAsync(s.Manager, new NominateCandidateRequest(session, s.Edge.PersonId!.Value, "Ready"), Ct);
        await s.UseCase<NominateCandidate>().HandleAsync(lead, new NominateCandidateRequest(session, s.Ml.PersonId!.Value, "Ready"), Ct);

        // Lia nominated and manages Max: no pre-read from her on him, so only Eda's is due.
        Assert.Equal(new PanelTasks(1, 1), (await s.UseCase<GetHomeSummary>().HandleAsync(lead, Ct)).Panel);
        Assert.Equal(new PanelTasks(2, 1), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Panel1, Ct)).Panel);
    }

    [Fact]
    public async Task Home_summary_counts_active_engineers_without_a_manager_for_administrators()
    {
        await using var s = await CreateAsync();
        Assert.Equal(new AdministratorTasks(0), (await s.UseCase<GetHomeSummary>().HandleAsync(s.Admin, Ct)).Administrator);

        await using (var db = s.Database.CreateDbContext())
        {
            db.People.Add(new Person { Name = "Nia New", Email = "nia@vaarst.example", Roles = Roles.Engineer });
            db.People.Add(new Person { Name = "Leo Left", Email = "leo@vaarst.example", Roles = Roles.Engineer, IsActive = false });
            await db.SaveChangesAsync(Ct);
        }

        var admin = await s.UseCase<GetHomeSummary>().HandleAsync(s.Admin, Ct);
        Assert.Equal(new AdministratorTasks(1), admin.Administrator);
        Assert.Null(admin.Engineer);
    }
}
