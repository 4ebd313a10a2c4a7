using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TierCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProvisionedSubscriptions",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProvisionedSubscriptions",
                table: "XAccounts");
        }
    }
}
