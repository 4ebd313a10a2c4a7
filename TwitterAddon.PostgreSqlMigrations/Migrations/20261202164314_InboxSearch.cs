using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.PostgreSqlMigrations.Migrations
{
    /// <summary>
    /// The inbox search's indexes on PostgreSQL: pg_trgm GIN indexes over message texts and customers' names and handles,
    /// which serve the search's ILIKE '%words%' for any substring of 3 characters or more (SQLite's FTS5 trigram
    /// tables do the same there). pg_trgm is a trusted extension: the database's owner may create it.
    /// </summary>
    public partial class InboxSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Messages_Text_Trigram" ON "Messages" USING gin ("Text" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_Name_Trigram" ON "Contacts" USING gin ("Name" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_ScreenName_Trigram" ON "Contacts" USING gin ("ScreenName" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_ScreenName_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_Name_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_Text_Trigram";""");
        }
    }
}
