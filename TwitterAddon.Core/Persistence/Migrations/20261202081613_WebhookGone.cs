using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WebhookGone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WebhookGone",
                table: "XAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WebhookGone",
                table: "XAccounts");
        }
    }
}
