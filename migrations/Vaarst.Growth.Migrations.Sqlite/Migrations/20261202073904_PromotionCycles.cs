using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PromotionCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "Nominations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanAreas",
                table: "Nominations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevisitCycleId",
                table: "Nominations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CycleId",
                table: "CalibrationSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DevelopmentPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RevisitCycle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CapturedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSnapshots_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromotionCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NominationsCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReleaseOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdvancedTo = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionCycles_People_ReleasedById",
                        column: x => x.ReleasedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReopenRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RedecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PreviousDecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreviousRationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PreviousPlanAreas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreviousDecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReopenRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReopenRequests_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReopenRequests_People_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReopenRequests_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_RevisitCycleId",
                table: "Nominations",
                column: "RevisitCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSessions_CycleId",
                table: "CalibrationSessions",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_PersonId",
                table: "DevelopmentPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierSnapshots_NominationId",
                table: "DossierSnapshots",
                column: "NominationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionCycles_Name",
                table: "PromotionCycles",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionCycles_ReleasedById",
                table: "PromotionCycles",
                column: "ReleasedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReopenRequests_ApprovedById",
                table: "ReopenRequests",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReopenRequests_NominationId",
                table: "ReopenRequests",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReopenRequests_RequestedById",
                table: "ReopenRequests",
                column: "RequestedById");

            migrationBuilder.AddForeignKey(
                name: "FK_CalibrationSessions_PromotionCycles_CycleId",
                table: "CalibrationSessions",
                column: "CycleId",
                principalTable: "PromotionCycles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Nominations_PromotionCycles_RevisitCycleId",
                table: "Nominations",
                column: "RevisitCycleId",
                principalTable: "PromotionCycles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CalibrationSessions_PromotionCycles_CycleId",
                table: "CalibrationSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_PromotionCycles_RevisitCycleId",
                table: "Nominations");

            migrationBuilder.DropTable(
                name: "DevelopmentPlans");

            migrationBuilder.DropTable(
                name: "DossierSnapshots");

            migrationBuilder.DropTable(
                name: "PromotionCycles");

            migrationBuilder.DropTable(
                name: "ReopenRequests");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_RevisitCycleId",
                table: "Nominations");

            migrationBuilder.DropIndex(
                name: "IX_CalibrationSessions_CycleId",
                table: "CalibrationSessions");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAtUtc",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "PlanAreas",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "RevisitCycleId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "CycleId",
                table: "CalibrationSessions");
        }
    }
}
