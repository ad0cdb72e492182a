using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Calibration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EvidenceCount",
                table: "ReviewDecisions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CalibrationSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TargetLevel = table.Column<int>(type: "int", nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IsBlind = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationSessions_People_ChairId",
                        column: x => x.ChairId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdentityReveals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    PanelMemberId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RevealedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityReveals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityReveals_CalibrationSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalibrationSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdentityReveals_People_PanelMemberId",
                        column: x => x.PanelMemberId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    CandidateId = table.Column<int>(type: "int", nullable: false),
                    NominatedById = table.Column<int>(type: "int", nullable: false),
                    CaseStatement = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    NominatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Alias = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    DecisionRationale = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedById = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_CalibrationSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalibrationSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_People_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_People_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_People_NominatedById",
                        column: x => x.NominatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => new { x.SessionId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PanelMembers_CalibrationSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalibrationSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreReads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NominationId = table.Column<int>(type: "int", nullable: false),
                    PanelMemberId = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreReads_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreReads_People_PanelMemberId",
                        column: x => x.PanelMemberId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSessions_ChairId",
                table: "CalibrationSessions",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReveals_PanelMemberId",
                table: "IdentityReveals",
                column: "PanelMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReveals_SessionId_PanelMemberId",
                table: "IdentityReveals",
                columns: new[] { "SessionId", "PanelMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CandidateId",
                table: "Nominations",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_DecidedById",
                table: "Nominations",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NominatedById",
                table: "Nominations",
                column: "NominatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SessionId_Alias",
                table: "Nominations",
                columns: new[] { "SessionId", "Alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SessionId_CandidateId",
                table: "Nominations",
                columns: new[] { "SessionId", "CandidateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_PersonId",
                table: "PanelMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PreReads_NominationId_PanelMemberId",
                table: "PreReads",
                columns: new[] { "NominationId", "PanelMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreReads_PanelMemberId",
                table: "PreReads",
                column: "PanelMemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityReveals");

            migrationBuilder.DropTable(
                name: "PanelMembers");

            migrationBuilder.DropTable(
                name: "PreReads");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "CalibrationSessions");

            migrationBuilder.DropColumn(
                name: "EvidenceCount",
                table: "ReviewDecisions");
        }
    }
}
