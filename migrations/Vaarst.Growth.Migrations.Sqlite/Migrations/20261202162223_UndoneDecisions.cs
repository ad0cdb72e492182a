using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
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
                UPDATE ReviewDecisions SET UndoesDecisionId = (
                    SELECT d.Id FROM ReviewDecisions AS d
                    WHERE d.ChecklistItemId = ReviewDecisions.ChecklistItemId AND d.Kind IN ('SignOff', 'RequestChanges')
                      AND (d.DecidedAtUtc < ReviewDecisions.DecidedAtUtc OR (d.DecidedAtUtc = ReviewDecisions.DecidedAtUtc AND d.Id < ReviewDecisions.Id))
                    ORDER BY d.DecidedAtUtc DESC, d.Id DESC LIMIT 1)
                WHERE Kind = 'Revoke' AND Comment = 'undone';
                """);
            migrationBuilder.Sql("""
                UPDATE ReviewDecisions SET UndoesDecisionId = NULL
                WHERE UndoesDecisionId IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM ReviewDecisions AS d
                    WHERE d.Id = ReviewDecisions.UndoesDecisionId AND d.ReviewerId = ReviewDecisions.ReviewerId
                      AND (julianday(ReviewDecisions.DecidedAtUtc) - julianday(d.DecidedAtUtc)) * 86400.0 <= 60.0);
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
