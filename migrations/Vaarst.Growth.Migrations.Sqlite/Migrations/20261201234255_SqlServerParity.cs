using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SqlServerParity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before NOCASE (docs/decisions/0006-case-insensitive-text-identity.md), renaming a section or an anchor
            // only in letter case created a second row and retired the first. Such retired twins get their id appended
            // so the case-insensitive unique indexes can be built; the rows and everything hanging from them stay.
            // (No import ever retired a craft, and e-mails were always compared without case.)
            migrationBuilder.Sql("""
                UPDATE "Sections" SET "Name" = "Name" || ' (retired ' || "Id" || ')'
                WHERE "RetiredInVersionId" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "Sections" AS "Twin"
                    WHERE "Twin"."LevelId" = "Sections"."LevelId" AND "Twin"."Id" <> "Sections"."Id"
                      AND "Twin"."Name" = "Sections"."Name" COLLATE NOCASE
                      AND ("Twin"."RetiredInVersionId" IS NULL OR "Twin"."Id" > "Sections"."Id"));
                """);
            migrationBuilder.Sql("""
                UPDATE "Areas" SET "Anchor" = "Anchor" || '-retired-' || "Id"
                WHERE "RetiredInVersionId" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "Areas" AS "Twin"
                    WHERE "Twin"."SectionId" = "Areas"."SectionId" AND "Twin"."Id" <> "Areas"."Id"
                      AND "Twin"."Anchor" = "Areas"."Anchor" COLLATE NOCASE
                      AND ("Twin"."RetiredInVersionId" IS NULL OR "Twin"."Id" > "Areas"."Id"));
                """);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Sections",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "People",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 320);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Crafts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "FrameworkName",
                table: "Crafts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Anchor",
                table: "Areas",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId",
                table: "AuditEvents",
                columns: new[] { "SubjectType", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId",
                table: "AuditEvents");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Sections",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "People",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 320,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Crafts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "FrameworkName",
                table: "Crafts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Anchor",
                table: "Areas",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300,
                oldCollation: "NOCASE");
        }
    }
}
