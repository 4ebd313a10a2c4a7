using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwitterAddon.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SafeProfileImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Avatars stored before XProfileImage checked them at the door: what agents' browsers may not load goes,
            // so pages need not check every row again (the person's initials show instead).
            migrationBuilder.Sql("UPDATE Contacts SET ProfileImageUrl = NULL WHERE ProfileImageUrl IS NOT NULL AND NOT (ProfileImageUrl LIKE 'https://pbs.twimg.com/%' OR ProfileImageUrl LIKE 'https://abs.twimg.com/%' OR (length(ProfileImageUrl) <= 16384 AND (ProfileImageUrl LIKE 'data:image/png;base64,%' OR ProfileImageUrl LIKE 'data:image/jpeg;base64,%' OR ProfileImageUrl LIKE 'data:image/gif;base64,%' OR ProfileImageUrl LIKE 'data:image/webp;base64,%' OR ProfileImageUrl LIKE 'data:image/svg+xml;base64,%')));");
            migrationBuilder.Sql("UPDATE XAccounts SET ProfileImageUrl = NULL WHERE ProfileImageUrl IS NOT NULL AND NOT (ProfileImageUrl LIKE 'https://pbs.twimg.com/%' OR ProfileImageUrl LIKE 'https://abs.twimg.com/%' OR (length(ProfileImageUrl) <= 16384 AND (ProfileImageUrl LIKE 'data:image/png;base64,%' OR ProfileImageUrl LIKE 'data:image/jpeg;base64,%' OR ProfileImageUrl LIKE 'data:image/gif;base64,%' OR ProfileImageUrl LIKE 'data:image/webp;base64,%' OR ProfileImageUrl LIKE 'data:image/svg+xml;base64,%')));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
