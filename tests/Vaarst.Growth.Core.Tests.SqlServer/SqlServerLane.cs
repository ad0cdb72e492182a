using Testcontainers.MsSql;

namespace Vaarst.Growth.Core.Tests;

/// <summary>
/// Where the SQL Server lane finds its server: <c>VAARST_TEST_SQLSERVER</c> (a connection string), else a throwaway
/// SQL Server 2022 container when a Docker engine answers. With neither, every data test of the lane is skipped with
/// the reason (never counted as passing) — unless <c>VAARST_TEST_SQLSERVER_REQUIRED=true</c> (CI), which fails them.
/// </summary>
internal static class SqlServerLane
{
    public const string ConnectionStringVariable = "VAARST_TEST_SQLSERVER";
    public const string RequiredVariable = "VAARST_TEST_SQLSERVER_REQUIRED";

    /// <summary>The image docker-compose.yml runs.</summary>
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private static readonly Lazy<Task<(string? ConnectionString, string? WhyNot)>> _server = new(FindAsync);

    /// <summary>The server's connection string (no database named); skips or fails the calling test when there is none.</summary>
    public static async Task<string> ServerConnectionStringAsync()
    {
        var (connectionString, whyNot) = await _server.Value;
        if (connectionString is not null)
        {
            return connectionString;
        }

        var message = $"The SQL Server lane did not run: {whyNot}";
        if (IsRequired(Environment.GetEnvironmentVariable(RequiredVariable)))
        {
            throw new InvalidOperationException($"{message} ({RequiredVariable} is set, so a missing server is a failure.)");
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary><c>true</c>, <c>1</c> or <c>yes</c> (any case) make a missing server a failure.</summary>
    public static bool IsRequired(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    private static async Task<(string?, string?)> FindAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured)
        {
            return (configured, null);
        }

        try
        {
            var container = new MsSqlBuilder(Image).Build();
            await container.StartAsync();
            // Testcontainers' resource reaper removes the container when the test process ends.
            return (container.GetConnectionString(), null);
        }
        catch (Exception ex)
        {
            return (null, $"{ConnectionStringVariable} is not set and no SQL Server container could be started ({ex.GetType().Name}: {FirstLine(ex.Message)}). " +
                $"Set {ConnectionStringVariable} to a connection string, or run where a Docker engine is available.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
