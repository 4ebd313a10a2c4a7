using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApiV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReplayFrom",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplayNote",
                table: "XAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplayNoteAt",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplayTo",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SummonsAccount",
                table: "Messages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplayFrom",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "ReplayNote",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "ReplayNoteAt",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "ReplayTo",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "SummonsAccount",
                table: "Messages");
        }
    }
}
