using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContactProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ProfileWanted",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Contacts X named by id only so far carry the id as their handle: they are to be looked up.
            migrationBuilder.Sql("UPDATE Contacts SET ProfileWanted = 1 WHERE ScreenName = XUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProfileWanted",
                table: "Contacts");
        }
    }
}
