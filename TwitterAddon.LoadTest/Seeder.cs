using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.LoadTest;

/// <summary>
/// A fresh data folder with a connected account and an active DM channel, written through Core itself (same
/// Data Protection keys beside the database), as if Begin Setup had run. X is not involved in a load run.
/// </summary>
internal static class Seeder
{
    public static async Task<(string DatabaseFile, string WebhookKey)> SeedAsync(string folder, string publicBaseUrl, AccountTier tier)
    {
        var databaseFile = Path.Combine(folder, "twitteraddon.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = $"Data Source={databaseFile}",
            ["App:PublicBaseUrl"] = publicBaseUrl,
        });
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddTwitterAddonCore();
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var protector = host.Services.GetRequiredService<SecretProtector>();
        var key = WebhookAddress.NewKey();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        db.XAccounts.Add(new XAccount
        {
            WebhookKey = key, ConsumerKey = "load-test-consumer-key", ProtectedConsumerSecret = protector.Protect(SignedEvents.ConsumerSecret),
            ProtectedAccessToken = protector.Protect("2000000001-loadtest"), ProtectedAccessTokenSecret = protector.Protect("load-test-token-secret"),
            EnvLabel = SignedEvents.EnvLabel, Tier = tier, UserId = SignedEvents.AccountId, ScreenName = "LoadTestBrand", Name = "Load Test Brand",
            WebhookUrl = publicBaseUrl + WebhookAddress.PathPrefix + key, WebhookId = "1", WebhookValid = true, SubscriptionActive = true,
            ConnectedAt = DateTimeOffset.UtcNow,
        });
        db.Channels.Add(new Channel { AccountUserId = SignedEvents.AccountId, Kind = ChannelKind.DirectMessage, Name = "DMs", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (databaseFile, key);
    }
}
