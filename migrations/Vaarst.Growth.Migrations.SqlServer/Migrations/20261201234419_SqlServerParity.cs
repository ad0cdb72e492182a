using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SqlServerParity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Names that identify (crafts, sections, anchors, e-mails) compare without regard to case on both providers
            // (docs/decisions/0006-case-insensitive-text-identity.md); SQL Server's default collation does, a
            // case-sensitive or binary one would not, so refuse it here rather than behave differently later.
            migrationBuilder.Sql("""
                IF (CAST(COLLATIONPROPERTY(CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)), 'ComparisonStyle') AS int) & 1) = 0
                BEGIN
                    THROW 50000, N'Vaarst Growth needs a case-insensitive database collation such as SQL_Latin1_General_CP1_CI_AS (see docs/decisions/0006-case-insensitive-text-identity.md).', 1;
                END
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId",
                table: "AuditEvents",
                columns: new[] { "SubjectType", "SubjectId" });

            // Readers see the last committed version instead of waiting for writers' locks (a framework import's
            // preview runs the real import and rolls it back). ALTER DATABASE cannot run inside a transaction, and
            // WITH ROLLBACK IMMEDIATE ends other sessions' open transactions so the switch does not wait for them;
            // the check makes it a no-op where it is already on (Azure SQL Database's default).
            migrationBuilder.Sql("""
                IF (SELECT is_read_committed_snapshot_on FROM sys.databases WHERE database_id = DB_ID()) = 0
                BEGIN
                    ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
                END
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // READ_COMMITTED_SNAPSHOT stays on: it is a database setting the database may have had before, and
            // turning it off would bring back readers waiting on writers.
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId",
                table: "AuditEvents");
        }
    }
}
