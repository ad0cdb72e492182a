using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerCandidateReveals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NominationId",
                table: "IdentityReveals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // A reveal used to cover a whole session; it now names one candidate. Each earlier reveal becomes one per
            // candidate of its session, with the same reason and time, so nobody loses or gains what they saw.
            migrationBuilder.Sql("""
                INSERT INTO IdentityReveals (SessionId, PanelMemberId, NominationId, Reason, RevealedAtUtc)
                SELECT r.SessionId, r.PanelMemberId, n.Id, r.Reason, r.RevealedAtUtc
                FROM IdentityReveals r INNER JOIN Nominations n ON n.SessionId = r.SessionId
                WHERE r.NominationId = 0
                  AND r.Id = (SELECT MIN(f.Id) FROM IdentityReveals f WHERE f.SessionId = r.SessionId AND f.PanelMemberId = r.PanelMemberId AND f.NominationId = 0);
                """);
            migrationBuilder.Sql("DELETE FROM IdentityReveals WHERE NominationId = 0;");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReveals_NominationId_PanelMemberId",
                table: "IdentityReveals",
                columns: new[] { "NominationId", "PanelMemberId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_IdentityReveals_Nominations_NominationId",
                table: "IdentityReveals",
                column: "NominationId",
                principalTable: "Nominations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IdentityReveals_Nominations_NominationId",
                table: "IdentityReveals");

            migrationBuilder.DropIndex(
                name: "IX_IdentityReveals_NominationId_PanelMemberId",
                table: "IdentityReveals");

            migrationBuilder.DropColumn(
                name: "NominationId",
                table: "IdentityReveals");
        }
    }
}
