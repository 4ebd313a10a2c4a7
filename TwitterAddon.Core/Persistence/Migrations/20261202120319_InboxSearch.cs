using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <summary>
    /// The inbox search's indexes: SQLite FTS5 with the trigram tokenizer over message texts and over customers' names
    /// and handles, so any substring (CJK included) of 3 characters or more is found from the index. External-content
    /// tables: the text is stored once, in Messages and Contacts. Triggers keep each index in step within the same
    /// transaction as the row's own write. A later migration that rebuilds Messages or Contacts drops their
    /// triggers with the old table and must create them again (InboxSearchTests checks they work).
    /// </summary>
    public partial class InboxSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE MessageSearch USING fts5(Text, ConversationId UNINDEXED, content='Messages', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearch_Insert AFTER INSERT ON Messages BEGIN
                    INSERT INTO MessageSearch(rowid, Text, ConversationId) VALUES (new.Id, new.Text, new.ConversationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearch_Delete AFTER DELETE ON Messages BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Text, ConversationId) VALUES ('delete', old.Id, old.Text, old.ConversationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearch_Update AFTER UPDATE OF Text, ConversationId ON Messages BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Text, ConversationId) VALUES ('delete', old.Id, old.Text, old.ConversationId);
                    INSERT INTO MessageSearch(rowid, Text, ConversationId) VALUES (new.Id, new.Text, new.ConversationId);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO MessageSearch(MessageSearch) VALUES ('rebuild');");

            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ContactSearch USING fts5(Name, ScreenName, content='Contacts', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("""
                CREATE TRIGGER ContactSearch_Insert AFTER INSERT ON Contacts BEGIN
                    INSERT INTO ContactSearch(rowid, Name, ScreenName) VALUES (new.Id, new.Name, new.ScreenName);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ContactSearch_Delete AFTER DELETE ON Contacts BEGIN
                    INSERT INTO ContactSearch(ContactSearch, rowid, Name, ScreenName) VALUES ('delete', old.Id, old.Name, old.ScreenName);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ContactSearch_Update AFTER UPDATE OF Name, ScreenName ON Contacts BEGIN
                    INSERT INTO ContactSearch(ContactSearch, rowid, Name, ScreenName) VALUES ('delete', old.Id, old.Name, old.ScreenName);
                    INSERT INTO ContactSearch(rowid, Name, ScreenName) VALUES (new.Id, new.Name, new.ScreenName);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ContactSearch(ContactSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "MessageSearch_Insert", "MessageSearch_Delete", "MessageSearch_Update", "ContactSearch_Insert", "ContactSearch_Delete", "ContactSearch_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE MessageSearch;");
            migrationBuilder.Sql("DROP TABLE ContactSearch;");
        }
    }
}
