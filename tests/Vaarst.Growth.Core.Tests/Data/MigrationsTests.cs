using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_sqlite_file_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

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
    public void Unknown_provider_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            GrowthDatabase.Configure(new DbContextOptionsBuilder<GrowthDbContext>(), "Postgres", "x"));

        Assert.Contains("Database:Provider 'Postgres' is not supported", ex.Message);
    }
}
