using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Usage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SendingPausedForBudget",
                table: "XAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "UsageRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CostMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedRepliesPayUrlPrice = table.Column<bool>(type: "INTEGER", nullable: false),
                    PricesChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PricesChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MonthlyBudgetMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    ResumedOverBudgetIn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Prices_DirectMessageReceived = table.Column<long>(type: "INTEGER", nullable: false),
                    Prices_DirectMessageSent = table.Column<long>(type: "INTEGER", nullable: false),
                    Prices_PostEvent = table.Column<long>(type: "INTEGER", nullable: false),
                    Prices_PostWithUrl = table.Column<long>(type: "INTEGER", nullable: false),
                    Prices_SummonedReply = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsageRecords_Day_Kind_CostMicros",
                table: "UsageRecords",
                columns: new[] { "Day", "Kind", "CostMicros" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageRecords_ResourceId_Kind_Day",
                table: "UsageRecords",
                columns: new[] { "ResourceId", "Kind", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsageRecords");

            migrationBuilder.DropTable(
                name: "UsageSettings");

            migrationBuilder.DropColumn(
                name: "SendingPausedForBudget",
                table: "XAccounts");
        }
    }
}
