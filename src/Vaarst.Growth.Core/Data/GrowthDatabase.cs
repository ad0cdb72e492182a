using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vaarst.Growth.Core.Data;

/// <summary>Chooses the database provider and its migrations assembly from configuration.</summary>
public static class GrowthDatabase
{
    public const string ConnectionStringName = "Growth";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/vaarst-growth.db";
    public const string SqliteMigrationsAssembly = "Vaarst.Growth.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Vaarst.Growth.Migrations.SqlServer";

    /// <summary>Configures <paramref name="builder"/> for a provider; used by the app, the tools and the tests alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        builder.AddInterceptors(AbandonedRequests.Interceptor);
        if (string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }

        if (string.Equals(provider, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }

        throw new InvalidOperationException(
            $"Database:Provider '{provider}' is not supported. Use '{DatabaseOptions.Sqlite}' (default) or '{DatabaseOptions.SqlServer}'.");
    }

    /// <summary>
    /// Registers the context factory. A relative SQLite path is resolved against <paramref name="contentRoot"/>,
    /// and its folder is created, so the embedded default needs no set-up.
    /// </summary>
    public static IServiceCollection AddGrowthDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.Equals(options.Provider, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Growth is empty.");
        }

        if (!string.Equals(options.Provider, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            connectionString = ResolveSqlitePath(connectionString ?? DefaultSqliteConnectionString, contentRoot);
        }

        services.AddSingleton(options);
        // Pooled: every use case creates a context (and confirms its caller with another), several per page; a pooled
        // context is reset and reused instead of being built with its services each time. The context holds no state
        // of its own, so reuse is safe.
        services.AddPooledDbContextFactory<GrowthDbContext>(b => Configure(b, options.Provider, connectionString!));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContext());
        return services;
    }

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } dataSource && dataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(dataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
