using TwitterAddon.Core.Persistence;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TwitterAddon.Tests.Inbound;

/// <summary>Signed bodies posted straight to the webhook: bad signatures, unknown keys, size, garbage, other users.</summary>
public class WebhookEdgeTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync(provider: Provider);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task ABadSignature_Is401_AnUnknownWebhook404_AndNothingIsStored()
    {
        var body = SignedPayloads.DirectMessage("9001", "1000000002", "hi");

        var wrongSecret = await harness.PostSignedAsync(body, secret: "not-the-secret");
        var unsigned = await harness.PostAsync(Encoding.UTF8.GetBytes(body), signature: null);
        var unknownKey = await harness.PostSignedAsync(body, key: "no-such-webhook");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound],
            new[] { wrongSecret.StatusCode, unsigned.StatusCode, unknownKey.StatusCode });
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task AnUnknownAddress_IsAnswered_BeforeItsStalledBodyArrives()
    {
        // The guard only stops a hang: the answer comes as soon as the address is checked.
        var status = await StalledUploadAsync(harness, "no-such-webhook").WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal("404", status);
    }

    [Fact]
    public async Task ABodyThatStalls_IsCutOffAtTheDeadline_AndNothingIsStored()
    {
        // The portal on a clock the test moves: the deadline passes without ten seconds of waiting. X's calls get another
        // timeout, so the only ten-second timer started during the upload is the body's.
        var clock = new DeadlineClock(TwitterAddon.Web.Endpoints.TwitterWebhookEndpoints.BodyDeadline);
        await using var slow = await InboundHarness.StartAsync(withChannels: false, configure: portal =>
        {
            portal.ExtraServices = services => services.AddSingleton<TimeProvider>(clock);
            portal.Setting("Twitter:AttemptTimeout", "00:00:09");
        });
        clock.Watch();

        var upload = StalledUploadAsync(slow, slow.WebhookKey);
        Assert.True(await clock.DeadlineStarted.WaitAsync(TimeSpan.FromSeconds(30), Ct), "The portal never started reading the body.");
        clock.Advance(TwitterAddon.Web.Endpoints.TwitterWebhookEndpoints.BodyDeadline);

        Assert.Equal("408", await upload.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        await using var db = await slow.Contexts().CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.InboundEvents.CountAsync(Ct));
    }

    /// <summary>
    /// A slow-upload attack on a raw connection: headers announcing 1 MB, a few bytes of it, then nothing.
    /// Returns the status code the portal answers with while the body is still missing.
    /// </summary>
    private static async Task<string> StalledUploadAsync(InboundHarness portal, string key)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(portal.Http.BaseAddress!.Host, portal.Http.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var head = $"POST /webhooks/twitter/{key} HTTP/1.1\r\nHost: {portal.Http.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{{\"for_user_id\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        await stream.FlushAsync(Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(Ct) ?? "";
        return statusLine.Split(' ')[1];
    }

    /// <summary>A fake clock that says when a timer of the watched length starts after <see cref="Watch"/>.</summary>
    private sealed class DeadlineClock(TimeSpan watched) : FakeTimeProvider(DateTimeOffset.UtcNow)
    {
        private volatile bool watching;

        public SemaphoreSlim DeadlineStarted { get; } = new(0);

        public void Watch() => watching = true;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (watching && dueTime == watched)
            {
                DeadlineStarted.Release();
            }

            return timer;
        }
    }

    [Fact]
    public async Task AnOversizeBody_Is413_AndStoresNothing()
    {
        var body = new byte[(1024 * 1024) + 1];
        Array.Fill(body, (byte)' ');

        var response = await harness.PostAsync(body, WebhookSignature.Sign(InboundHarness.ConsumerSecret, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData("{\"for_user_id\":\"1000000001\",\"direct_message_events\":[{", "not valid JSON")]
    [InlineData("[1,2,3]", "not an object")]
    [InlineData("{\"for_user_id\":\"1000000001\"}", "No Account Activity events")]
    [InlineData("{\"for_user_id\":\"1000000001\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"5\"}]}", "'message_create' is missing")]
    [InlineData("{\"for_user_id\":\"1000000001\",\"tweet_create_events\":{}}", "'tweet_create_events' is not an array")]
    public async Task MalformedButSigned_IsAnswered200_AndKeptAsFailedWithTheReason(string body, string reason)
    {
        var response = await harness.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await harness.EventsAfterProcessingAsync(1));
        Assert.Equal(InboundEventStatus.Failed, stored.Status);
        Assert.Contains(reason, stored.Outcome);
        Assert.Empty(await harness.MessagesAsync());
    }

    [Fact]
    public async Task TheSetupPagesReport_CountsOutcomes_AndListsFailuresWithTheirReason()
    {
        await harness.PostSignedAsync("not json at all");
        await harness.PostSignedAsync(SignedPayloads.DirectMessage("9010", "1000000002", "hello"));
        await harness.PostSignedAsync(SignedPayloads.Typing("1000000002"));
        await harness.EventsAfterProcessingAsync(3);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(harness.Services);

        var summary = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<InboundReport>(scope.ServiceProvider).SummarizeAsync(Ct);

        Assert.Equal((3, 1, 1, 1, 0), (summary.Received, summary.Processed, summary.Ignored, summary.Failed, summary.Pending));
        Assert.StartsWith("The body is not valid JSON", Assert.Single(summary.RecentFailures).Reason);
        // Counted and dated from the same events: never "none yet" beside "3 received" (as after a reconnect).
        Assert.Equal((await harness.EventsAfterProcessingAsync(3)).Max(e => e.ReceivedAt), summary.LastReceivedAt);
    }

    [Fact]
    public async Task EventsForAnotherUser_TypingAndReadReceipts_AreRecordedAsIgnored()
    {
        await harness.PostSignedAsync(SignedPayloads.DirectMessage("9002", "1000000002", "hi", forUserId: "555"));
        await harness.PostSignedAsync(SignedPayloads.Typing("1000000002"));

        var events = await harness.EventsAfterProcessingAsync(2);

        Assert.Equal("For X user 555, not the connected account @AcmeSupport.", events[0].Outcome);
        Assert.Equal("Typing indicator: recorded, nothing to do.", events[1].Outcome);
        Assert.All(events, e => Assert.Equal(InboundEventStatus.Ignored, e.Status));
        Assert.Empty(await harness.MessagesAsync());
    }

    [Fact]
    public async Task TheSameDmDeliveredThreeTimes_IsOneMessage_EvenWhenTheCopiesArriveTogether()
    {
        var body = SignedPayloads.DirectMessage("9003", "1000000002", "three times");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => harness.PostSignedAsync(body)));
        var events = await harness.EventsAfterProcessingAsync(3);

        Assert.Single(await harness.MessagesAsync());
        Assert.Equal(1, events.Count(e => e.Status == InboundEventStatus.Processed));
    }

    private async Task<int> CountAsync()
    {
        await using var db = await harness.Contexts().CreateDbContextAsync(Ct);
        return await db.InboundEvents.CountAsync(Ct);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WebhookEdgeTestsOnPostgreSql : WebhookEdgeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
