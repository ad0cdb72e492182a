using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DarkModePreference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PrefersDarkMode",
                table: "People",
                type: "bit",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PrefersDarkMode",
                table: "People");
        }
    }
}
