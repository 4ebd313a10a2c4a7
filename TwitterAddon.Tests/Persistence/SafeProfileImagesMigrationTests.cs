using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>Avatars stored before they were checked at the door: the upgrade keeps X's and inlined ones, drops the rest.</summary>
public sealed class SafeProfileImagesMigrationTests
{
    private const string LastMigrationBefore = "20261202054617_ChannelIconVersion";

    [Fact]
    public async Task OnlyAvatarsBrowsersMayLoad_SurviveTheUpgrade()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<TwitterAddonDbContext>().UseSqlite(database.ConnectionString).Options;
        string?[] stored = ["https://pbs.twimg.com/profile_images/1/a.jpg", "data:image/svg+xml;base64,PHN2Zy8+", "http://169.254.169.254/x.gif",
            "https://tracker.example/p.gif", "https://pbs.twimg.com.evil.example/a.jpg", null];
        await using (var old = new TwitterAddonDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(LastMigrationBefore, ct);
            for (var i = 0; i < stored.Length; i++)
            {
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Contacts (Name, ProfileImageUrl, ProfileWanted, ScreenName, UpdatedAt, XUserId) VALUES ('n', {0}, 0, 's', 0, {1})",
                    [stored[i]!, $"{i}"], ct);
            }
        }

        await using (var migrating = new TwitterAddonDbContext(options))
        {
            await migrating.Database.MigrateAsync(ct);
        }

        await using var db = new TwitterAddonDbContext(options);
        var kept = await db.Contacts.OrderBy(c => c.XUserId).Select(c => c.ProfileImageUrl).ToListAsync(ct);
        Assert.Equal([stored[0], stored[1], null, null, null, null], kept);
    }
}
