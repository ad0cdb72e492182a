using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data;

/// <summary>
/// Names that identify something — a framework, craft, section, area anchor, a person's e-mail — compare without
/// regard to letter case on both providers (docs/decisions/0006-case-insensitive-text-identity.md). SQL Server's
/// default collation already does; SQLite columns get <c>NOCASE</c>, and C# compares with <see cref="Comparer"/>.
/// </summary>
public static class TextIdentity
{
    /// <summary>How C# compares identifying names, matching the columns' collation.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;

    /// <summary>SQLite's built-in case-insensitive collation (ASCII letters; C# decides the rest, see the ADR).</summary>
    public const string SqliteCollation = "NOCASE";

    public static bool Same(string? a, string? b) => string.Equals(a, b, Comparison);

    internal static void Configure(ModelBuilder modelBuilder, DatabaseFacade database)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        modelBuilder.Entity<Craft>().Property(c => c.FrameworkName).UseCollation(SqliteCollation);
        modelBuilder.Entity<Craft>().Property(c => c.Name).UseCollation(SqliteCollation);
        modelBuilder.Entity<Section>().Property(s => s.Name).UseCollation(SqliteCollation);
        modelBuilder.Entity<Area>().Property(a => a.Anchor).UseCollation(SqliteCollation);
        modelBuilder.Entity<Person>().Property(p => p.Email).UseCollation(SqliteCollation);
        modelBuilder.Entity<Calibration.PromotionCycle>().Property(c => c.Name).UseCollation(SqliteCollation);
    }
}
