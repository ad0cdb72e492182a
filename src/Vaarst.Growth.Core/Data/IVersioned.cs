namespace Vaarst.Growth.Core.Data;

/// <summary>
/// An aggregate that people edit. <see cref="Version"/> is an app-managed optimistic-concurrency token:
/// the context increments it on every save, and EF includes the original value in the UPDATE's WHERE clause,
/// which works identically on SQLite and SQL Server (unlike SQL Server's rowversion).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
