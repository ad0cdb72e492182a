using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PersonTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "People",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "People");
        }
    }
}
