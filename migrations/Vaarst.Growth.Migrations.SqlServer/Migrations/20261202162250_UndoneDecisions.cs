using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UndoneDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UndoesDecisionId",
                table: "ReviewDecisions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_UndoesDecisionId",
                table: "ReviewDecisions",
                column: "UndoesDecisionId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewDecisions_ReviewDecisions_UndoesDecisionId",
                table: "ReviewDecisions",
                column: "UndoesDecisionId",
                principalTable: "ReviewDecisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Existing undos were written before the column: name the decision each one took back by the rule the
            // analytics used until now (a revocation "undone" whose item's latest sign-off or request for changes before
            // it was made by the same reviewer at most 60 seconds earlier), so the analytics count exactly as before.
            migrationBuilder.Sql("""
                UPDATE u SET UndoesDecisionId = taken.Id
                FROM ReviewDecisions AS u
                CROSS APPLY (
                    SELECT TOP (1) d.Id, d.ReviewerId, d.DecidedAtUtc FROM ReviewDecisions AS d
                    WHERE d.ChecklistItemId = u.ChecklistItemId AND d.Kind IN (N'SignOff', N'RequestChanges')
                      AND (d.DecidedAtUtc < u.DecidedAtUtc OR (d.DecidedAtUtc = u.DecidedAtUtc AND d.Id < u.Id))
                    ORDER BY d.DecidedAtUtc DESC, d.Id DESC) AS taken
                WHERE u.Kind = N'Revoke' AND u.Comment = N'undone' AND taken.ReviewerId = u.ReviewerId
                  AND DATEDIFF_BIG(microsecond, taken.DecidedAtUtc, u.DecidedAtUtc) <= 60000000;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewDecisions_ReviewDecisions_UndoesDecisionId",
                table: "ReviewDecisions");

            migrationBuilder.DropIndex(
                name: "IX_ReviewDecisions_UndoesDecisionId",
                table: "ReviewDecisions");

            migrationBuilder.DropColumn(
                name: "UndoesDecisionId",
                table: "ReviewDecisions");
        }
    }
}
