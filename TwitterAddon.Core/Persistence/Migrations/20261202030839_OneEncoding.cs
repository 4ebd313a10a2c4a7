using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OneEncoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Times stored as text (Microsoft.Data.Sqlite's "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz") become Unix milliseconds, and
            // the inbound event's numeric enums become names, while the columns still have their old types: the table
            // rebuilds below then copy the converted values into the new columns.
            migrationBuilder.CreateTable(
                name: "CrcChecks",
                columns: table => new
                {
                    WebhookKey = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrcChecks", x => x.WebhookKey);
                });

            migrationBuilder.Sql($"INSERT INTO CrcChecks (WebhookKey, AnsweredAt) SELECT WebhookKey, {Milliseconds("LastCrcAt")} FROM XAccounts WHERE LastCrcAt IS NOT NULL;");
            migrationBuilder.Sql($"UPDATE XAccounts SET ConnectedAt = {Milliseconds("ConnectedAt")}, LastCheckedAt = {Milliseconds("LastCheckedAt")};");
            migrationBuilder.Sql($"UPDATE Channels SET CreatedAt = {Milliseconds("CreatedAt")};");
            migrationBuilder.Sql($"UPDATE AspNetUsers SET CreatedAt = {Milliseconds("CreatedAt")}, LockoutEnd = {Milliseconds("LockoutEnd")};");
            migrationBuilder.Sql($"UPDATE InboundEvents SET ReceivedAt = {Milliseconds("ReceivedAt")}, " +
                "Status = CASE Status WHEN 0 THEN 'Pending' WHEN 1 THEN 'Processed' WHEN 2 THEN 'Ignored' ELSE 'Failed' END, " +
                "Source = CASE Source WHEN 1 THEN 'Intermediary' ELSE 'Webhook' END;");

            migrationBuilder.DropColumn(
                name: "LastCrcAt",
                table: "XAccounts");

            migrationBuilder.DropColumn(
                name: "LastEventAt",
                table: "XAccounts");

            migrationBuilder.AlterColumn<long>(
                name: "LastCheckedAt",
                table: "XAccounts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ConnectedAt",
                table: "XAccounts",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "InboundEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "InboundEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "ReceivedAt",
                table: "InboundEvents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "Channels",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");


            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_WebhookKey_Id",
                table: "InboundEvents",
                columns: new[] { "WebhookKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"UPDATE XAccounts SET ConnectedAt = {Text("ConnectedAt")}, LastCheckedAt = {Text("LastCheckedAt")};");
            migrationBuilder.Sql($"UPDATE Channels SET CreatedAt = {Text("CreatedAt")};");
            migrationBuilder.Sql($"UPDATE AspNetUsers SET CreatedAt = {Text("CreatedAt")}, LockoutEnd = {Text("LockoutEnd")};");
            migrationBuilder.Sql($"UPDATE InboundEvents SET ReceivedAt = {Text("ReceivedAt")}, " +
                "Status = CASE Status WHEN 'Pending' THEN 0 WHEN 'Processed' THEN 1 WHEN 'Ignored' THEN 2 ELSE 3 END, " +
                "Source = CASE Source WHEN 'Intermediary' THEN 1 ELSE 0 END;");


            migrationBuilder.DropIndex(
                name: "IX_InboundEvents_WebhookKey_Id",
                table: "InboundEvents");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "LastCheckedAt",
                table: "XAccounts",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "ConnectedAt",
                table: "XAccounts",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastCrcAt",
                table: "XAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastEventAt",
                table: "XAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "Status",
                table: "InboundEvents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<int>(
                name: "Source",
                table: "InboundEvents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "ReceivedAt",
                table: "InboundEvents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Channels",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.Sql($"UPDATE XAccounts SET LastCrcAt = (SELECT {Text("AnsweredAt")} FROM CrcChecks WHERE CrcChecks.WebhookKey = XAccounts.WebhookKey);");
            migrationBuilder.DropTable(
                name: "CrcChecks");
        }

        /// <summary>SQLite's reading of a stored DateTimeOffset text as Unix milliseconds (NULL stays NULL).</summary>
        private static string Milliseconds(string column) => $"CAST(ROUND((julianday({column}) - 2440587.5) * 86400000.0) AS INTEGER)";

        private static string Text(string column) => $"strftime('%Y-%m-%d %H:%M:%f', {column} / 1000.0, 'unixepoch') || '+00:00'";
    }
}
