namespace Vaarst.Growth.Core.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Apply pending migrations at start-up. A DBA may instead run the idempotent script (docs/deployment.md).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo organisation when the directory is empty.</summary>
    public bool SeedDemoData { get; set; }
}
