using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Web.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context for either provider: pass <c>-- --provider SqlServer</c> (or Sqlite).
/// Adding or scripting migrations needs no server, so a placeholder connection string is enough when none is set.
/// </summary>
public sealed class DesignTimeGrowthDbContextFactory : IDesignTimeDbContextFactory<GrowthDbContext>
{
    public GrowthDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = index >= 0 && index + 1 < args.Length ? args[index + 1] : DatabaseOptions.Sqlite;
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Growth")
            ?? (provider == DatabaseOptions.SqlServer ? "Server=localhost;Database=VaarstGrowth;Trusted_Connection=True;TrustServerCertificate=True" : "Data Source=design-time.db");
        var builder = new DbContextOptionsBuilder<GrowthDbContext>();
        GrowthDatabase.Configure(builder, provider, connectionString);
        return new GrowthDbContext(builder.Options);
    }
}
