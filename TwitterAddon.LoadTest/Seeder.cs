using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.LoadTest;

/// <summary>
/// A fresh data folder with a connected account and an active DM channel, written through Core itself (same
/// Data Protection keys beside the database), as if Begin Setup had run. X is not involved in a load run.
/// </summary>
internal static class Seeder
{
    public static async Task<string> SeedAsync(LoadDatabase database, string publicBaseUrl, AccountTier tier)
    {
        using var host = await CoreAsync(database, publicBaseUrl);
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
        return key;
    }

    /// <summary>
    /// For the reply kill run: the emulated X's demo account connected with its real keys (Sandbox tier), both channels,
    /// and two conversations with jane_doe, a DM and her mention <paramref name="mentionId"/> on X. Core stays open for the run.
    /// </summary>
    public static async Task<IHost> SeedForRepliesAsync(LoadDatabase database, string publicBaseUrl, string mentionId)
    {
        var host = await CoreAsync(database, publicBaseUrl);
        var protector = host.Services.GetRequiredService<SecretProtector>();
        var key = WebhookAddress.NewKey();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        db.XAccounts.Add(new XAccount
        {
            WebhookKey = key, ConsumerKey = SandboxSeed.ConsumerKey, ProtectedConsumerSecret = protector.Protect(SandboxSeed.ConsumerSecret),
            ProtectedAccessToken = protector.Protect(SandboxSeed.AccessToken), ProtectedAccessTokenSecret = protector.Protect(SandboxSeed.AccessTokenSecret),
            EnvLabel = SandboxSeed.SandboxEnvironment, Tier = AccountTier.Sandbox, UserId = SandboxSeed.AccountId, ScreenName = SandboxSeed.AccountScreenName,
            Name = "Acme Support", WebhookUrl = publicBaseUrl + WebhookAddress.PathPrefix + key, WebhookId = "1", WebhookValid = true, SubscriptionActive = true,
            ConnectedAt = DateTimeOffset.UtcNow,
        });
        var now = DateTimeOffset.UtcNow;
        var jane = Contact.Of("1000000002", "Jane Doe", "jane_doe");
        var dm = Conversation.StartDirectMessage(SandboxSeed.AccountId, jane, now);
        var thread = Conversation.StartThread(SandboxSeed.AccountId, mentionId, jane, now);
        foreach (var (conversation, message) in new[]
        {
            (dm, Message.FromCustomer("dm-1", "Where is my refund?", now, jane)),
            (thread, Message.FromCustomer(mentionId, "where is my parcel?", now, jane, summonsAccount: true)),
        })
        {
            conversation.Add(message);
            db.Messages.Add(message);
        }

        await db.SaveChangesAsync();
        return host;
    }

    public const string AdminEmail = "ada@example.com";
    public const string AdminPassword = "correct horse battery";

    /// <summary>
    /// For the inbox tabs run: an admin, a connected account, a DM channel whose icon is <paramref name="icon"/> (saved
    /// through ChannelService, as the Channels page saves it), and <paramref name="conversations"/> DM conversations.
    /// </summary>
    public static async Task<string> SeedInboxAsync(LoadDatabase database, string publicBaseUrl, byte[] icon, int conversations)
    {
        var key = await SeedAsync(database, publicBaseUrl, AccountTier.Sandbox);
        using var host = await CoreAsync(database, publicBaseUrl);
        using var scope = host.Services.CreateScope();
        var team = scope.ServiceProvider.GetRequiredService<Core.Team.TeamService>();
        var admin = await team.CreateFirstAdministratorAsync(new() { DisplayName = "Ada Admin", Email = AdminEmail, Password = AdminPassword }, CancellationToken.None);
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var dmChannel = (await channels.ListAsync(CancellationToken.None)).Single();
        var saved = await channels.UpdateAsync(dmChannel.Id, new ChannelForm { Name = "DMs", Icon = icon }, "seeder", CancellationToken.None);
        if (!admin.Succeeded || !saved.Succeeded)
        {
            throw new InvalidOperationException($"Seeding failed: {admin.Error} {saved.Error}");
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < conversations; i++)
        {
            var customer = Contact.Of($"{5_000_000 + i}", $"Customer {i}", $"customer_{i}");
            var conversation = Conversation.StartDirectMessage(SignedEvents.AccountId, customer, now.AddSeconds(-i));
            conversation.RouteTo(dmChannel.Id);
            var message = Message.FromCustomer($"seed-{i}", $"Hello, this is customer {i}: where is my order? It was due last week.", now.AddSeconds(-i), customer);
            conversation.Add(message);
            db.Messages.Add(message);
        }

        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>
    /// For the inbox scale run: an admin, a connected account with both channels, and a busy brand's year of messages
    /// (<see cref="Benchmarks.InboxScale.InboxScaleSeeder"/>). Returns the webhook key.
    /// </summary>
    public static async Task<string> SeedScaleAsync(string folder, string publicBaseUrl, Benchmarks.InboxScale.InboxScaleSeeder.Size size)
    {
        var database = LoadDatabase.Sqlite(Path.Combine(folder, "twitteraddon.db"));
        var key = await SeedAsync(database, publicBaseUrl, AccountTier.Sandbox);
        using var host = await CoreAsync(database, publicBaseUrl);
        using var scope = host.Services.CreateScope();
        var team = scope.ServiceProvider.GetRequiredService<Core.Team.TeamService>();
        var admin = await team.CreateFirstAdministratorAsync(new() { DisplayName = "Ada Admin", Email = AdminEmail, Password = AdminPassword }, CancellationToken.None);
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var mention = await channels.AddAsync(ChannelKind.Mention, new ChannelForm { Name = "Mentions", AgentInitial = true }, "seeder", CancellationToken.None);
        if (!admin.Succeeded || !mention.Succeeded)
        {
            throw new InvalidOperationException($"Seeding failed: {admin.Error} {mention.Error}");
        }

        var ids = (await channels.ListAsync(CancellationToken.None)).ToDictionary(c => c.Kind, c => c.Id);
        await Benchmarks.InboxScale.InboxScaleSeeder.SeedAsync(
            host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>(), size, SignedEvents.AccountId,
            ids[ChannelKind.DirectMessage], ids[ChannelKind.Mention], Console.Out);
        return key;
    }

    private static async Task<IHost> CoreAsync(LoadDatabase database, string publicBaseUrl)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings) { ["App:PublicBaseUrl"] = publicBaseUrl });
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddTwitterAddonCore();
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return host;
    }
}
