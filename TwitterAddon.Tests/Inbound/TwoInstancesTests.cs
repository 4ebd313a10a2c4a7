using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbound;

/// <summary>
/// Two real hosts on loopback on one PostgreSQL database, as two instances behind a load balancer: X's deliveries and
/// CRCs may reach either, each event is processed once, and what one changes reaches the other's pages (LISTEN/NOTIFY).
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.For(DatabaseProvider.PostgreSql);
    private InboundHarness? a;
    private InboundHarness? b;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        a = await InboundHarness.StartAsync(database: database);
        b = await InboundHarness.ResumeAsync(database);
    }

    public async ValueTask DisposeAsync()
    {
        // Either may be missing when the other failed to start.
        if (b is not null)
        {
            await b.DisposeAsync();
        }

        if (a is not null)
        {
            await a.DisposeAsync();
        }

        database.Dispose();
    }

    [Fact]
    public async Task DmsAckedByEitherInstance_AreEachInTheInboxOnce_AndBothInstancesPagesHearOfThem()
    {
        var (a, b) = (this.a!, this.b!);
        var (heardOnA, heardOnB) = (Listen(a), Listen(b));

        // The load balancer sends X's deliveries to either instance, a few twice (X retries).
        for (var i = 0; i < 20; i++)
        {
            var body = SignedPayloads.DirectMessage($"77{i:D2}", $"20000000{i % 4}", $"Order {i} is late");
            var via = i % 2 == 0 ? a : b;
            Assert.Equal(HttpStatusCode.OK, (await via.PostSignedAsync(body)).StatusCode);
            if (i % 5 == 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await (via == a ? b : a).PostSignedAsync(body)).StatusCode);
            }
        }

        var events = await a.EventsAfterProcessingAsync(24);
        Assert.All(events, e => Assert.NotEqual(InboundEventStatus.Pending, e.Status));
        var messages = await a.MessagesAsync();
        Assert.Equal(20, messages.Count);
        Assert.Equal(20, messages.Select(m => m.XId).Distinct().Count());

        // Whichever instance processed them, the other's inbox pages were told of every conversation (no page polls).
        var conversations = (await a.ConversationsAsync()).Select(c => c.Id).ToHashSet();
        await heardOnA.Signal.UntilAsync(() => heardOnA.Covers(conversations), "A's inbox never heard of every conversation");
        await heardOnB.Signal.UntilAsync(() => heardOnB.Covers(conversations), "B's inbox never heard of every conversation");
    }

    [Fact]
    public async Task AnAccountConnectedThroughOneInstance_IsAnsweredByTheOther_ForXsCrcAndDeliveries()
    {
        // B started before A connected this account again with a new consumer secret: only the relay can tell B.
        var (a, b) = (this.a!, this.b!);
        var key = a.WebhookKey;
        var relayed = Listen(b, accounts: true);
        a.Services.GetRequiredService<ConsumerSecrets>().Set(key, "rotated-consumer-secret");
        a.Services.GetRequiredService<AccountActivityNotifier>().Notify();

        await relayed.Signal.UntilAsync(() => relayed.Notifications > 0, "B never heard of A's change");
        var crc = await b.Http.GetAsync($"webhooks/twitter/{key}?crc_token=abcdefghijklmnop", Ct);
        Assert.Equal(HttpStatusCode.OK, crc.StatusCode);
        Assert.Contains(WebhookSignature.CrcResponseToken("rotated-consumer-secret", "abcdefghijklmnop"), await crc.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var body = SignedPayloads.DirectMessage("7801", "200000009", "Signed with the new secret");
        Assert.Equal(HttpStatusCode.OK, (await b.PostSignedAsync(body, secret: "rotated-consumer-secret")).StatusCode);
    }

    private static Heard Listen(InboundHarness host, bool accounts = false)
    {
        var heard = new Heard(host.Services.GetRequiredService<InboxNotifier>());
        if (accounts)
        {
            host.Services.GetRequiredService<AccountActivityNotifier>().Subscribe(_ => heard.Pulse(null));
        }
        else
        {
            var notifier = host.Services.GetRequiredService<InboxNotifier>();
            notifier.Subscribe(_ => heard.Pulse(notifier));
        }

        return heard;
    }

    /// <summary>What one instance's inbox pages were told, read as a page reads it (<see cref="InboxNotifier.ChangesSince"/>).</summary>
    private sealed class Heard(InboxNotifier notifier)
    {
        private readonly long start = notifier.Position;
        private readonly HashSet<int> conversations = [];
        private bool everything;

        public ChangeSignal Signal { get; } = new();

        public int Notifications { get; private set; }

        public Task Pulse(InboxNotifier? inbox)
        {
            lock (conversations)
            {
                Notifications++;
                if (inbox?.ChangesSince(start).ConversationIds is { } ids)
                {
                    conversations.UnionWith(ids);
                }
                else if (inbox is not null)
                {
                    everything = true;
                }
            }

            Signal.Pulse();
            return Task.CompletedTask;
        }

        public bool Covers(HashSet<int> wanted)
        {
            lock (conversations)
            {
                return everything || wanted.IsSubsetOf(conversations);
            }
        }
    }
}
