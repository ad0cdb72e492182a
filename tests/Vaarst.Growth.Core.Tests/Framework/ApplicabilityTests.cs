using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Gap;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Tests.Framework;

public sealed class ApplicabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ML Engineer")]
    [InlineData("ml engineer")]
    [InlineData("EDGE ML ENGINEER")]
    [InlineData("Nobody's specialism")]
    [InlineData(null)]
    public async Task Sections_in_SQL_and_in_memory_pick_the_same_sections_without_letter_case(string? specialism)
    {
        await using var s = await Scenario.CreateAsync();
        await using var db = s.Database.CreateDbContext();
        var all = await db.Sections.AsNoTracking().Select(x => new { x.Id, x.AppliesToAll, x.Name }).ToListAsync(Ct);

        var inSql = await db.Sections.AsNoTracking().Where(Applicability.Sections(specialism)).Select(x => x.Id).OrderBy(x => x).ToListAsync(Ct);
        var viaStatements = await db.Statements.AsNoTracking().Where(Applicability.Via<Statement>(st => st.Area!.Section, specialism))
            .Select(st => st.Area!.SectionId).Distinct().OrderBy(x => x).ToListAsync(Ct);
        var inMemory = all.Where(x => Applicability.Applies(x.AppliesToAll, x.Name, specialism)).Select(x => x.Id).OrderBy(x => x).ToList();

        Assert.Equal(inMemory, inSql);
        Assert.Equal(inMemory, viaStatements);
        Assert.Contains(all, x => x.AppliesToAll && inSql.Contains(x.Id));
        Assert.Equal(specialism is "ML Engineer" or "ml engineer" or "EDGE ML ENGINEER", all.Any(x => !x.AppliesToAll && inSql.Contains(x.Id)));
    }

    [Fact]
    public async Task Gap_view_and_team_view_count_the_same_statements_when_the_specialism_differs_in_letter_case()
    {
        await using var s = await Scenario.CreateAsync();
        await using (var db = s.Database.CreateDbContext())
        {
            var ml = await db.People.SingleAsync(p => p.Id == s.Ml.PersonId, Ct);
            ml.Specialism = "ml ENGINEER";
            await db.SaveChangesAsync(Ct);
        }

        var gap = await s.UseCase<GetGap>().HandleAsync(s.Ml, new GetGapRequest(), Ct);
        var team = await s.UseCase<GetMyTeam>().HandleAsync(s.Manager, Ct);

        Assert.Contains(gap.Sections, section => !section.AppliesToAll);
        Assert.Equal(gap.Overall.Statements, team.Single(m => m.Id == s.Ml.PersonId).Readiness!.Statements);
    }
}
