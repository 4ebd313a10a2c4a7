using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReplayNoteWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReplayNoteFrom",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplayNoteTo",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplayNoteFrom",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "ReplayNoteTo",
                table: "XAccounts");
        }
    }
}
