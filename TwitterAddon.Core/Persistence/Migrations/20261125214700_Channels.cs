using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Channels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Icon = table.Column<byte[]>(type: "BLOB", nullable: true),
                    IconContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InboundType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "TEXT", nullable: true),
                    DmDeepLink = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgentInitial = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IgnoredEvents = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Channels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Channels_AccountUserId_Kind",
                table: "Channels",
                columns: new[] { "AccountUserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Channels_AccountUserId_Name",
                table: "Channels",
                columns: new[] { "AccountUserId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Channels");
        }
    }
}
