using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.V2;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// X's side of the harness: the account connected at X, customers acting on the emulated X, what X delivers to the
/// receiver, the answers X is told to give, and what the account sent there.
/// </summary>
public sealed partial class DrivenHarness
{
    /// <summary>What Begin Setup leaves behind: X delivers the account's activity to our receiver, the account and both channels are stored.</summary>
    private async Task ConnectAsync(AccountTier tier)
    {
        var keys = EmulatorHost.SandboxCredentials;
        string webhookId;
        var env = SandboxSeed.EnvLabelFor(tier);
        if (tier.UsesApiV2())
        {
            var v2 = core.Services.GetRequiredService<IXApiV2>();
            webhookId = (await v2.CreateWebhookAsync(keys, x.HookUrl, Ct)).Id;
            foreach (var eventType in ActivityEvents.Subscribed)
            {
                await v2.SubscribeAsync(keys, eventType, SandboxSeed.AccountId, webhookId, env, Ct);
            }
        }
        else
        {
            var client = core.Services.GetRequiredService<IXApi>();
            webhookId = (await client.RegisterWebhookAsync(keys, env, x.HookUrl, Ct)).Id;
            await client.SubscribeAsync(keys, env, Ct);
        }

        var protector = core.Services.GetRequiredService<SecretProtector>();
        await using (var db = await Contexts().CreateDbContextAsync(Ct))
        {
            db.XAccounts.Add(new XAccount
            {
                WebhookKey = WebhookKey, ConsumerKey = keys.ConsumerKey, ProtectedConsumerSecret = protector.Protect(keys.ConsumerSecret),
                ProtectedAccessToken = protector.Protect(keys.AccessToken), ProtectedAccessTokenSecret = protector.Protect(keys.AccessTokenSecret),
                EnvLabel = env, Tier = tier, UserId = SandboxSeed.AccountId,
                ScreenName = SandboxSeed.AccountScreenName, Name = "Acme Support", WebhookId = webhookId, WebhookUrl = x.HookUrl,
                WebhookValid = true, SubscriptionActive = true, ConnectedAt = Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }

        await using var scope = core.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        Assert.True((await channels.AddAsync(ChannelKind.DirectMessage, new() { Name = "DMs" }, "ada", Ct)).Succeeded);
        Assert.True((await channels.AddAsync(ChannelKind.Mention, new() { Name = "Mentions" }, "ada", Ct)).Succeeded);
    }

    /// <summary>The emulator's control API: customers, faults, what the account sent.</summary>
    private EmulatorControl Control => x.ControlApi;

    public Task CustomerDmAsync(string customer, string text) => Control.CustomerDmAsync(customer, text);

    public Task<string> CustomerTweetAsync(string author, string text, string? inReplyTo = null, string? quoted = null) =>
        Control.CustomerTweetAsync(author, text, inReplyTo, quoted);

    public Task<string> NewCustomerAsync(string screenName, string name) => Control.NewCustomerAsync(screenName, name);

    public Task<int> DeliveryAttemptsAsync() => Control.DeliveryAttemptsAsync();

    /// <summary>Waits until X has tried <paramref name="count"/> deliveries to this host's webhook, refused ones included.</summary>
    public Task WaitForDeliveryAttemptsAsync(int count) => x.Receiver.WaitForAttemptsAsync(count);

    public Task ScriptAsync(params object[] answers) => Control.ScriptAsync(answers);

    public Task SetFaultsAsync(object plan) => Control.SetFaultsAsync(plan);

    /// <summary>What the developer account bought at X for the demo app: <c>pay_per_use</c> or <c>enterprise</c>.</summary>
    public Task SetAppAccessAsync(string access) => Control.SetAppAccessAsync(SandboxSeed.ConsumerKey, access);

    public Task<(List<JsonNode> DirectMessages, List<JsonNode> Tweets)> SentOnXAsync() => Control.SentOnXAsync();

    /// <summary>The receiver at X's end refuses the next deliveries (the host is "down" for them).</summary>
    public void RefuseNextDeliveries(int count) => x.Receiver.RefuseNextDeliveries = count;

    /// <summary>Waits for X's next <paramref name="count"/> deliveries, stores them as the webhook would, and runs the inbound worker.</summary>
    public async Task DeliverAsync(int count)
    {
        await x.Receiver.WaitForDeliveriesAsync(delivered + count);
        await DeliverArrivedAsync();
    }

    /// <summary>X delivers everything it delivered so far once more (a duplicate delivery, or a replay), and the inbound worker runs.</summary>
    public Task DeliverAllAgainAsync() =>
        StoreAndProcessAsync(x.Receiver.Deliveries.Take(delivered).Select(d => d.Body.ToJsonString()).ToList());

    /// <summary>Stores whatever X has delivered by now and runs the inbound worker over it.</summary>
    public async Task DeliverArrivedAsync()
    {
        var bodies = x.Receiver.Deliveries.Skip(delivered).Select(d => d.Body.ToJsonString()).ToList();
        delivered += bodies.Count;
        await StoreAndProcessAsync(bodies);
    }
}
