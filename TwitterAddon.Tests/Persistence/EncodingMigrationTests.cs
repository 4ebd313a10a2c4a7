using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>An install from before the one-encoding migration keeps its data: times and statuses read back the same.</summary>
public sealed class EncodingMigrationTests
{
    private const string LastMigrationBefore = "20261125235505_Outbox";

    // Stored by the old code as EF's SQLite text, with the server's offset (a server in Jakarta here).
    private static readonly DateTimeOffset Connected = new(2026, 11, 30, 15, 15, 30, 123, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset LastCrc = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Received = new(2026, 12, 1, 10, 11, 12, 500, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Processed = new(2026, 12, 1, 9, 11, 13, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Lockout = new(2026, 12, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TextTimesAndNumericStatuses_BecomeMillisecondsAndNames_WithTheSameValues()
    {
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<TwitterAddonDbContext>().UseSqlite(database.ConnectionString).Options;
        await using (var old = new TwitterAddonDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(LastMigrationBefore, Ct);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO XAccounts (AccessRevoked, ConnectedAt, ConsumerKey, EnvLabel, LastCheckedAt, LastCrcAt, LastEventAt, Name, " +
                "ProtectedAccessToken, ProtectedAccessTokenSecret, ProtectedConsumerSecret, ScreenName, SubscriptionActive, Tier, UserId, " +
                "WebhookKey, WebhookUrl, WebhookValid) VALUES (0, {0}, 'ck', 'prod', NULL, {1}, {2}, 'Acme', 'a', 'b', 'c', 'AcmeSupport', 1, " +
                "'Premium', '1000000001', 'key1', 'https://x.example/webhooks/twitter/key1', 1)",
                [Text(Connected), Text(LastCrc), Text(Received)], Ct);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO InboundEvents (Body, Outcome, ProcessedAt, ReceivedAt, Source, Status, WebhookKey) VALUES " +
                "(x'7B7D', 'DM from @jane_doe.', {0}, {1}, 1, 1, 'key1'), (x'7B7D', NULL, NULL, {1}, 0, 0, 'key1')",
                [Processed.ToUnixTimeMilliseconds(), Text(Received)], Ct);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO Channels (AccountUserId, AgentInitial, CreatedAt, DmDeepLink, IgnoredEvents, InboundType, IsActive, Kind, Name) " +
                "VALUES ('1000000001', 1, {0}, 1, 3, 'TwitterWebhook', 1, 'Mention', 'Mentions')", [Text(Connected)], Ct);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO AspNetUsers (Id, AccessFailedCount, CreatedAt, DisplayName, EmailConfirmed, IsActive, LockoutEnabled, LockoutEnd, " +
                "PhoneNumberConfirmed, TwoFactorEnabled) VALUES ('u1', 0, {0}, 'Ada', 1, 1, 1, {1}, 0, 0)", [Text(Connected), Text(Lockout)], Ct);
        }

        await using (var migrating = new TwitterAddonDbContext(options))
        {
            await migrating.Database.MigrateAsync(Ct);
        }

        await using var db = new TwitterAddonDbContext(options);
        var account = await db.XAccounts.SingleAsync(Ct);
        Assert.Equal((Connected, (DateTimeOffset?)null, AccountTier.Premium), (account.ConnectedAt, account.LastCheckedAt, account.Tier));
        Assert.Equal(LastCrc, (await db.CrcChecks.SingleAsync(Ct)).AnsweredAt);
        var events = await db.InboundEvents.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(
            [(Received, InboundSource.Intermediary, InboundEventStatus.Processed, (DateTimeOffset?)Processed), (Received, InboundSource.Webhook, InboundEventStatus.Pending, null)],
            events.Select(e => (e.ReceivedAt, e.Source, e.Status, e.ProcessedAt)));
        Assert.Equal((Connected, ChannelKind.Mention), await db.Channels.Select(c => ValueTuple.Create(c.CreatedAt, c.Kind)).SingleAsync(Ct));
        var member = await db.Users.SingleAsync(Ct);
        Assert.Equal((Connected, (DateTimeOffset?)Lockout), (member.CreatedAt, member.LockoutEnd));
    }

    /// <summary>How EF's SQLite provider stored a DateTimeOffset before.</summary>
    private static string Text(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
