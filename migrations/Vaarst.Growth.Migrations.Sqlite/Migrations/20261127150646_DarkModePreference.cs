using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vaarst.Growth.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
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
