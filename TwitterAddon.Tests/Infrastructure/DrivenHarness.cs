using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.V2;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// Core on a fake clock with no background worker running, X emulated over loopback: a test queues replies,
/// then drives the outbox one round at a time and moves the clock itself. X's deliveries (customers' DMs and
/// tweets, echoes of our sends) reach a receiver on the emulator's host; <see cref="DeliverAsync"/> stores
/// them as the webhook would and runs the inbound worker over them. Nothing waits on real time.
/// </summary>
public sealed class DrivenHarness : IAsyncDisposable
{
    private const string WebhookKey = "outboxdriver";
    private readonly EmulatorHost x;
    private readonly CoreHost core;
    private int delivered;

    private DrivenHarness(EmulatorHost x, CoreHost core, FakeTimeProvider clock) => (this.x, this.core, Clock) = (x, core, clock);

    public FakeTimeProvider Clock { get; }

    /// <summary>Core's services, as a host would have them; no hosted service is started.</summary>
    public IServiceProvider Services => core.Services;

    /// <summary>X's state, to change behind the add-on's back (a webhook X marked invalid, say).</summary>
    public EmulatorWorld World => x.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="tier">Pay-per-use or Enterprise connect through v2 webhooks and X Activity subscriptions; Sandbox and Premium through v1.1.</param>
    public static async Task<DrivenHarness> StartAsync(AccountTier tier = AccountTier.Sandbox)
    {
        // One fake clock for the add-on and for X (OAuth timestamps, rate-limit resets), on a whole millisecond as stored.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var x = await EmulatorHost.StartAsync(clock: clock);
        var core = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock), new()
        {
            ["Twitter:ApiBaseUrl"] = new Uri(x.BaseAddress, "emulator/x/").ToString(),
            // A 429 goes back to the outbox at once (it schedules the retry), instead of a wait inside the call.
            ["Twitter:MaxRateLimitWait"] = TimeSpan.Zero.ToString(),
        });
        var driver = new DrivenHarness(x, core, clock);
        await driver.ConnectAsync(tier);
        return driver;
    }

    /// <summary>A customer DMs the account; returns the conversation the inbound worker made of it.</summary>
    public async Task<int> DmConversationAsync(string customer = "jane_doe")
    {
        await CustomerDmAsync(customer, "Where is my order?");
        await DeliverAsync(1);
        return await LatestConversationAsync();
    }

    /// <summary>A customer's DM on the emulated X (not yet delivered).</summary>
    public async Task CustomerDmAsync(string customer, string text) =>
        (await x.Control.PostAsJsonAsync("direct_messages", new { sender = customer, text }, Ct)).EnsureSuccessStatusCode();

    /// <summary>A customer mentions the account; returns the thread.</summary>
    public async Task<int> MentionConversationAsync(string customer = "budi_santoso")
    {
        await CustomerTweetAsync(customer, "@AcmeSupport my parcel is late");
        await DeliverAsync(1);
        return await LatestConversationAsync();
    }

    /// <summary>A customer's tweet on the emulated X (not yet delivered); returns its id.</summary>
    public async Task<string> CustomerTweetAsync(string author, string text, string? inReplyTo = null, string? quoted = null)
    {
        using var response = await x.Control.PostAsJsonAsync("tweets", new { author, text, in_reply_to_status_id = inReplyTo, quoted_status_id = quoted }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id_str"]!.GetValue<string>();
    }

    /// <summary>Someone new signs up on the emulated X; returns their id.</summary>
    public async Task<string> NewCustomerAsync(string screenName, string name)
    {
        using var response = await x.Control.PostAsJsonAsync("users", new { screen_name = screenName, name }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id_str"]!.GetValue<string>();
    }

    /// <summary>The receiver at X's end refuses the next deliveries (the host is "down" for them).</summary>
    public void RefuseNextDeliveries(int count) => x.Receiver.RefuseNextDeliveries = count;

    /// <summary>How many deliveries X made so far, accepted or not.</summary>
    public async Task<int> DeliveryAttemptsAsync() => (await x.Control.GetFromJsonAsync<List<JsonObject>>("deliveries", Ct))!.Count;

    /// <summary>One round of the profile lookup, as its worker would run it now; returns how many customers it named.</summary>
    public Task<int> LookUpProfilesAsync() => core.Services.GetRequiredService<ContactProfileWorker>().DrainOnceAsync(Ct);

    public async Task<Contact> ContactAsync(string xUserId)
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Contacts.AsNoTracking().SingleAsync(c => c.XUserId == xUserId, Ct);
    }

    public async Task<List<Message>> MessagesAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    /// <summary>An agent's reply, which must be queued; returns its message id.</summary>
    public async Task<long> ReplyAsync(int conversationId, string text)
    {
        var outcome = await SendAsync(conversationId, text);
        Assert.True(outcome.Queued, outcome.Error);
        return outcome.MessageId!.Value;
    }

    /// <summary>An agent presses Send: queued, or refused with the reason.</summary>
    public async Task<ReplyOutcome> SendAsync(int conversationId, string text)
    {
        await using var scope = core.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReplyService>().SendAsync(conversationId, text, "John Doe", Ct);
    }

    /// <summary>
    /// A mention the agent answered, then the customer's follow-up that answers our tweet without naming the account
    /// (the post X's reply rule does not let a Pay-per-use app answer). Returns the conversation and our tweet's id.
    /// </summary>
    public async Task<(int Conversation, string OurTweet)> FollowUpWithoutMentionAsync(string customer = "jane_doe")
    {
        var conversation = await MentionConversationAsync(customer);
        await ReplyAsync(conversation, "Checking now.");
        await DrainOutboxAsync();
        var ours = (await SentOnXAsync()).Tweets[^1]["id_str"]!.GetValue<string>();
        await DeliverArrivedAsync();
        await CustomerTweetAsync(customer, "thanks, still nothing", inReplyTo: ours);
        await DeliverAsync(1);
        return (conversation, ours);
    }

    /// <summary>The conversation as the inbox page shows it.</summary>
    public async Task<ConversationDetail> ConversationAsync(int conversationId)
    {
        await using var scope = core.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<InboxService>().GetAsync(conversationId, Ct))!;
    }

    /// <summary>One round of the outbox, as its worker would run it now; returns how many replies it tried.</summary>
    public Task<int> DrainOutboxAsync() => core.Services.GetRequiredService<OutboxWorker>().DrainOnceAsync(Ct);

    /// <summary>Plays the outbox until it has nothing due, moving the clock by <paramref name="step"/> between rounds.</summary>
    public async Task RunOutboxAsync(TimeSpan step, Func<Task> betweenRounds, int maxRounds = 200)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            await DrainOutboxAsync();
            await betweenRounds();
            if (!await AnyReplyPendingAsync())
            {
                return;
            }

            Clock.Advance(step);
        }

        Assert.Fail($"Replies were still pending after {maxRounds} rounds.");
    }

    /// <summary>Waits for X's next <paramref name="count"/> deliveries, stores them as the webhook would, and runs the inbound worker.</summary>
    public async Task DeliverAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (x.Receiver.Deliveries.Count < delivered + count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"X delivered {x.Receiver.Deliveries.Count - delivered} of {count} events.");
            await Task.Delay(10, Ct);
        }

        await DeliverArrivedAsync();
    }

    /// <summary>Stores whatever X has delivered by now and runs the inbound worker over it.</summary>
    public async Task DeliverArrivedAsync()
    {
        var bodies = x.Receiver.Deliveries.Skip(delivered).Select(d => d.Body.ToJsonString()).ToList();
        delivered += bodies.Count;
        await StoreAndProcessAsync(bodies);
    }

    /// <summary>Stores the bodies as the webhook would after their signature passed, and runs the inbound worker.</summary>
    public async Task StoreAndProcessAsync(IReadOnlyList<string> bodies)
    {
        await using (var db = await Contexts().CreateDbContextAsync(Ct))
        {
            foreach (var body in bodies)
            {
                db.InboundEvents.Add(new InboundEvent { WebhookKey = WebhookKey, Body = Encoding.UTF8.GetBytes(body), ReceivedAt = Clock.GetUtcNow() });
            }

            await db.SaveChangesAsync(Ct);
        }

        var worker = core.Services.GetRequiredService<InboundWorker>();
        while (await worker.DrainOnceAsync(Ct) > 0)
        {
        }
    }

    /// <summary>The next calls to X get these answers, in order (<c>{"answer":"fail","status":503}</c>, <c>{"answer":"drop"}</c>...).</summary>
    public async Task ScriptAsync(params object[] answers) =>
        (await x.Control.PutAsJsonAsync("faults", new { script = answers }, Ct)).EnsureSuccessStatusCode();

    /// <summary>What the developer account bought at X for the demo app: <c>pay_per_use</c> or <c>enterprise</c>.</summary>
    public async Task SetAppAccessAsync(string access) =>
        (await x.Control.PatchAsJsonAsync($"apps/{SandboxSeed.ConsumerKey}", new { access }, Ct)).EnsureSuccessStatusCode();

    public async Task SetFaultsAsync(object plan) => (await x.Control.PutAsJsonAsync("faults", plan, Ct)).EnsureSuccessStatusCode();

    public static object Fail(int status, int code = 131) => new { answer = "fail", status, code };

    public static object Drop() => new { answer = "drop" };

    public static object Ok() => new { answer = "ok" };

    public async Task<Message> MessageAsync(long id)
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    public async Task<List<Message>> OutboundAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Outbound).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<string?> SendingStoppedReasonAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.XAccounts.Select(a => a.SendingStoppedReason).SingleAsync(Ct);
    }

    public async Task ResumeSendingAsync()
    {
        await using var scope = core.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<OutboxControl>().ResumeSendingAsync("ada", Ct)).Succeeded);
    }

    /// <summary>What the account sent on the emulated X: DM texts and tweets.</summary>
    public async Task<(List<JsonNode> DirectMessages, List<JsonNode> Tweets)> SentOnXAsync()
    {
        var sent = (await x.Control.GetFromJsonAsync<JsonObject>("sent", Ct))!;
        return ([.. sent["direct_messages"]!.AsArray().Select(n => n!)], [.. sent["tweets"]!.AsArray().Select(n => n!)]);
    }

    public async ValueTask DisposeAsync()
    {
        await core.DisposeAsync();
        await x.DisposeAsync();
    }

    private IDbContextFactory<TwitterAddonDbContext> Contexts() => core.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    /// <summary>This install's Env Label on v2: the tag of its X Activity subscriptions.</summary>
    public const string Tag = "demo";

    /// <summary>What Begin Setup leaves behind: X delivers the account's activity to our receiver, the account and both channels are stored.</summary>
    private async Task ConnectAsync(AccountTier tier)
    {
        var keys = EmulatorHost.SandboxCredentials;
        string webhookId;
        var env = tier.UsesApiV2() ? Tag : tier == AccountTier.Premium ? SandboxSeed.PremiumEnvironment : SandboxSeed.SandboxEnvironment;
        if (tier.UsesApiV2())
        {
            var v2 = core.Services.GetRequiredService<IXApiV2>();
            webhookId = (await v2.CreateWebhookAsync(keys, x.HookUrl, Ct)).Id;
            foreach (var eventType in ActivityEvents.Subscribed)
            {
                await v2.SubscribeAsync(keys, eventType, SandboxSeed.AccountId, webhookId, Tag, Ct);
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

    private async Task<int> LatestConversationAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Conversations.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
    }

    private async Task<bool> AnyReplyPendingAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.AnyAsync(m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending, Ct);
    }
}
