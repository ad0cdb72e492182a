using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_sqlite_file_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateDbContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.Equal(0, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DatabaseOptions.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseOptions.SqlServer, "Server=unused;Database=unused;TrustServerCertificate=True")]
    public void Provider_migrations_match_the_model(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, provider, connectionString);
        using var db = new GrowthDbContext(builder.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model: add a migration for {provider}.");
    }

    [Fact]
    public async Task PerCandidateReveals_turns_a_whole_session_reveal_into_one_per_candidate_with_the_same_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var mine = migrations.FindIndex(m => m.EndsWith("_PerCandidateReveals", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[mine - 1], ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO People (Id, Name, Email, Roles, IsActive, Version) VALUES (1, 'Chair', 'c@x', 4, 1, 0), (2, 'Member', 'm@x', 4, 1, 0), (3, 'Eng A', 'a@x', 1, 1, 0), (4, 'Eng B', 'b@x', 1, 1, 0), (5, 'Boss', 'boss@x', 2, 1, 0);
            INSERT INTO CalibrationSessions (Id, Name, TargetLevel, ScheduledOn, ChairId, State, IsBlind, CreatedAtUtc, Version) VALUES (1, 'S', 4, '2026-12-01', 1, 'InSession', 1, '2026-11-01 00:00:00', 0);
            INSERT INTO Nominations (Id, SessionId, CandidateId, NominatedById, CaseStatement, NominatedAtUtc, Alias, Version) VALUES (1, 1, 3, 5, 'x', '2026-11-01 00:00:00', 'A', 0), (2, 1, 4, 5, 'y', '2026-11-01 00:00:00', 'B', 0);
            INSERT INTO IdentityReveals (Id, SessionId, PanelMemberId, Reason, RevealedAtUtc) VALUES (1, 1, 2, 'Conflict check', '2026-11-02 00:00:00');
            """, ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        var reveals = await db.IdentityReveals.AsNoTracking().OrderBy(r => r.NominationId).ToListAsync(ct);
        Assert.Equal([1, 2], reveals.Select(r => r.NominationId));
        Assert.All(reveals, r => Assert.Equal((1, 2, "Conflict check"), (r.SessionId, r.PanelMemberId, r.Reason)));
    }

    [Fact]
    public async Task SqlServerParity_keeps_retired_case_twins_under_a_new_name_and_makes_names_case_insensitive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var mine = migrations.FindIndex(m => m.EndsWith("_SqlServerParity", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[mine - 1], ct);
        // What the case-sensitive import left behind when a section and an anchor were renamed only in letter case.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO FrameworkVersions (Id, Number, ImportedAtUtc, Source, Summary) VALUES (1, 1, '2026-11-01 00:00:00', 's', 's'), (2, 2, '2026-11-02 00:00:00', 's', 's');
            INSERT INTO Crafts (Id, FrameworkName, Name) VALUES (1, 'Vaarst Career Framework', 'ML Craft');
            INSERT INTO Levels (Id, CraftId, Number, Title, SourceFile, IntroducedInVersionId, LastChangedInVersionId) VALUES (1, 1, 4, 'Mid', 'level4.md', 1, 2);
            INSERT INTO Sections (Id, LevelId, Name, AppliesToAll, "Order", RetiredInVersionId) VALUES (1, 1, 'ML Engineer', 0, 0, 2), (2, 1, 'ML engineer', 0, 0, NULL);
            INSERT INTO Areas (Id, SectionId, Name, Anchor, IsDefined, "Order", RetiredInVersionId) VALUES (1, 2, 'ML Ops', 'ml-ops', 1, 0, 2), (2, 2, 'ML Ops', 'ML-Ops', 1, 0, NULL);
            """, ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        Assert.Equal(["ML Engineer (retired 1)", "ML engineer"], await db.Sections.OrderBy(x => x.Id).Select(x => x.Name).ToListAsync(ct));
        Assert.Equal(["ml-ops-retired-1", "ML-Ops"], await db.Areas.OrderBy(a => a.Id).Select(a => a.Anchor).ToListAsync(ct));
        Assert.Equal(2, await db.Areas.Where(a => a.Anchor == "ml-ops").Select(a => a.Id).SingleAsync(ct));
    }

    [Fact]
    public async Task UndoneDecisions_names_what_earlier_undos_took_back_by_the_rule_the_analytics_used()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var mine = migrations.FindIndex(m => m.EndsWith("_UndoneDecisions", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[mine - 1], ct);
        // Item 1: signed off, undone 30 s later by the same reviewer (an undo). Item 2: signed off, revoked "undone" by
        // another reviewer (not an undo). Item 3: revoked "undone" 2 minutes later (not an undo). Item 4: a request for
        // changes undone, after an older sign-off of the same item.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO People (Id, Name, Email, Roles, IsActive, Version, SecurityStamp) VALUES (1, 'Eng', 'e@x', 1, 1, 0, 's1'), (2, 'Boss', 'b@x', 2, 1, 0, 's2'), (3, 'Other', 'o@x', 2, 1, 0, 's3');
            INSERT INTO FrameworkVersions (Id, Number, ImportedAtUtc, Source, Summary) VALUES (1, 1, '2026-11-01 00:00:00', 's', 's');
            INSERT INTO Crafts (Id, FrameworkName, Name) VALUES (1, 'F', 'C');
            INSERT INTO Levels (Id, CraftId, Number, Title, SourceFile, IntroducedInVersionId, LastChangedInVersionId) VALUES (1, 1, 1, 'L', 'l.md', 1, 1);
            INSERT INTO Sections (Id, LevelId, Name, AppliesToAll, "Order") VALUES (1, 1, 'S', 1, 0);
            INSERT INTO Areas (Id, SectionId, Name, Anchor, IsDefined, "Order") VALUES (1, 1, 'A', 'a', 1, 0);
            INSERT INTO Statements (Id, AreaId, Text, "Order", IntroducedInVersionId, LastChangedInVersionId) VALUES (1, 1, 'T1', 0, 1, 1), (2, 1, 'T2', 1, 1, 1), (3, 1, 'T3', 2, 1, 1), (4, 1, 'T4', 3, 1, 1);
            INSERT INTO ChecklistItems (Id, PersonId, StatementId, Rating, Status, NeedsReconfirmation, UpdatedAtUtc, Version) VALUES (1, 1, 1, 'Practising', 'Submitted', 0, '2026-11-01 00:00:00', 0), (2, 1, 2, 'Practising', 'Submitted', 0, '2026-11-01 00:00:00', 0), (3, 1, 3, 'Practising', 'Submitted', 0, '2026-11-01 00:00:00', 0), (4, 1, 4, 'Practising', 'Submitted', 0, '2026-11-01 00:00:00', 0);
            INSERT INTO ReviewDecisions (Id, ChecklistItemId, ReviewerId, Kind, Comment, DecidedAtUtc, EvidenceCount) VALUES
              (1, 1, 2, 'SignOff', NULL, '2026-11-02 10:00:00.1234567', 1), (2, 1, 2, 'Revoke', 'undone', '2026-11-02 10:00:30.1234567', 1),
              (3, 2, 2, 'SignOff', NULL, '2026-11-02 10:00:00', 1), (4, 2, 3, 'Revoke', 'undone', '2026-11-02 10:00:10', 1),
              (5, 3, 2, 'SignOff', NULL, '2026-11-02 10:00:00', 1), (6, 3, 2, 'Revoke', 'undone', '2026-11-02 10:02:00', 1),
              (7, 4, 2, 'SignOff', NULL, '2026-11-01 10:00:00', 1), (8, 4, 2, 'RequestChanges', 'More', '2026-11-02 10:00:00', 1), (9, 4, 2, 'Revoke', 'undone', '2026-11-02 10:01:00', 1);
            """, ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        var undoes = await db.ReviewDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.UndoesDecisionId).ToListAsync(ct);
        Assert.Equal([null, 1, null, null, null, null, null, null, 8], undoes);
    }

    [Fact]
    public void Unknown_provider_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            GrowthDatabase.Configure(new DbContextOptionsBuilder<GrowthDbContext>(), "Postgres", "x"));

        Assert.Contains("Database:Provider 'Postgres' is not supported", ex.Message);
    }
}
