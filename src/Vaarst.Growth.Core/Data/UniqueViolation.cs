using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Vaarst.Growth.Core.Data;

/// <summary>
/// Recognises a unique-index or primary-key violation by the provider's error code, never by its message (which
/// follows the server's language).
/// </summary>
public static class UniqueViolation
{
    /// <summary>SQL Server: "Cannot insert duplicate key row" (unique index) and "Violation of … constraint" (key).</summary>
    public static readonly IReadOnlySet<int> SqlServerErrorNumbers = new HashSet<int> { 2601, 2627 };

    /// <summary>SQLite extended result codes SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.</summary>
    public static readonly IReadOnlySet<int> SqliteExtendedCodes = new HashSet<int> { 2067, 1555 };

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqlException sql => SqlServerErrorNumbers.Contains(sql.Number),
        SqliteException sqlite => SqliteExtendedCodes.Contains(sqlite.SqliteExtendedErrorCode),
        _ => false,
    };
}
