using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// Core on a fake clock with no background worker running, X emulated over loopback: a test queues replies,
/// then drives the outbox one round at a time and moves the clock itself. X's deliveries (customers' DMs and
/// tweets, echoes of our sends) reach a receiver on the emulator's host; <see cref="DeliverAsync"/> stores
/// them as the webhook would and runs the inbound worker over them. Nothing waits on real time.
/// </summary>
public sealed partial class DrivenHarness : IAsyncDisposable
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
    public static async Task<DrivenHarness> StartAsync(AccountTier tier = AccountTier.Sandbox, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        // One fake clock for the add-on and for X (OAuth timestamps, rate-limit resets), on a whole millisecond as stored.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var x = await EmulatorHost.StartAsync(clock: clock, withClient: false);
        var core = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock), new()
        {
            ["Twitter:ApiBaseUrl"] = new Uri(x.BaseAddress, "emulator/x/").ToString(),
            // A 429 goes back to the outbox at once (it schedules the retry), instead of a wait inside the call.
            ["Twitter:MaxRateLimitWait"] = TimeSpan.Zero.ToString(),
        }, provider);
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

    /// <summary>A customer mentions the account; returns the thread.</summary>
    public async Task<int> MentionConversationAsync(string customer = "budi_santoso")
    {
        await CustomerTweetAsync(customer, "@AcmeSupport my parcel is late");
        await DeliverAsync(1);
        return await LatestConversationAsync();
    }

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
        return await scope.ServiceProvider.GetRequiredService<ReplyService>().SendAsync(conversationId, text, "John Doe", confirmedText: null, Ct);
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

    /// <summary>What a process killed mid-send leaves behind: the attempt recorded as "sending", X never called.</summary>
    public async Task BeginAttemptAndCrashAsync(long replyId)
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        var reply = await db.Messages.SingleAsync(m => m.Id == replyId, Ct);
        reply.BeginAttempt(Clock.GetUtcNow(), RetryPolicy.Backoff(1));
        await db.SaveChangesAsync(Ct);
    }

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

    public async ValueTask DisposeAsync()
    {
        await core.DisposeAsync();
        await x.DisposeAsync();
    }

    public IDbContextFactory<TwitterAddonDbContext> Contexts() => core.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

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
