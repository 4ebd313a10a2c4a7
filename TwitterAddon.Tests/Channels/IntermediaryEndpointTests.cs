using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Channels;

/// <summary>The "Twitter API" inbound type: an intermediary POSTs X's payloads with the DM channel's key.</summary>
public sealed class IntermediaryEndpointTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private HttpClient http = default!;
    private string apiKey = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        http = new HttpClient { BaseAddress = portal.StartOnLoopback() };
        using var scope = portal.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(AccountConnectorTests.SandboxForm(), "ada", false, null, Ct)).Succeeded);
        apiKey = (await scope.ServiceProvider.GetRequiredService<ChannelService>()
            .AddAsync(ChannelKind.DirectMessage, new() { Name = "DMs", InboundType = InboundEventType.TwitterApi }, "ada", Ct)).NewApiKey!;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task TheChannelsKey_IsAccepted_AndTheEventStored_AWrongKeyIs401AndStoresNothing()
    {
        var wrong = await PostAsync("ta_wrong");
        var none = await PostAsync(null);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, none.StatusCode));
        Assert.Equal(0, await StoredCountAsync());

        var right = await PostAsync(apiKey);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task SwitchingTheChannelBackToTwitterWebhook_RevokesTheKey()
    {
        using (var scope = portal.Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var id = (await channels.ListAsync(Ct)).Single().Id;
            await channels.UpdateAsync(id, new() { Name = "DMs", InboundType = InboundEventType.TwitterWebhook }, "ada", Ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(apiKey)).StatusCode);
    }

    [Fact]
    public async Task AnXActivityEnvelope_Forwarded_ReachesTheInbox_LikeALegacyPayload()
    {
        const string envelope = """
            {"data":{"event_uuid":"-9001","filter":{"user_id":"1000000001"},"event_type":"dm.received",
             "payload":{"direct_message_events":[{"type":"message_create","id":"880","created_timestamp":"1784928224372",
               "message_create":{"target":{"recipient_id":"1000000001"},"sender_id":"1000000002","message_data":{"text":"Forwarded by our relay"}}}],
              "users":{"1000000002":{"data":{"id":"1000000002","name":"Jane Doe","username":"jane_doe"}}}}}}
            """;

        var handled = ChangeSignal.OnInboundHandled(portal.Services, out var subscription);
        using var subscribed = subscription;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(apiKey, envelope)).StatusCode);

        var message = await handled.UntilAsync(async () =>
        {
            await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
            return await db.Messages.Include(m => m.Conversation).ThenInclude(c => c.Contact).SingleOrDefaultAsync(Ct);
        }, "The forwarded DM did not reach the inbox.");

        Assert.Equal(("880", "Forwarded by our relay", "jane_doe"), (message.XId, message.Text, message.Conversation.Contact.ScreenName));
    }

    [Theory]
    [InlineData("a mention", """{"for_user_id":"1000000001","tweet_create_events":[{"id_str":"700","created_at":"Tue Dec 01 10:00:00 +0000 2026","text":"@AcmeSupport free money","user":{"id_str":"1000000002","name":"Jane Doe","screen_name":"jane_doe"},"entities":{"user_mentions":[{"id_str":"1000000001","screen_name":"AcmeSupport","indices":[0,12]}]}}]}""")]
    [InlineData("a DM 'from the brand'", """{"for_user_id":"1000000001","direct_message_events":[{"type":"message_create","id":"881","created_timestamp":"1784928224372","message_create":{"target":{"recipient_id":"1000000002"},"sender_id":"1000000001","message_data":{"text":"Click evil.example to claim"}}}]}""")]
    [InlineData("a revoke", """{"for_user_id":"1000000001","user_event":{"revoke":{"date_time":"2026-12-01T10:00:00.000Z","target":{"app_id":"1"},"source":{"user_id":"1000000001"}}}}""")]
    public async Task TheChannelsKey_BringsOnlyCustomersDms_NotMentionsTheBrandsDmsOrARevoke(string what, string payload)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(apiKey, payload)).StatusCode);

        var handled = await HandledAsync();

        Assert.True(handled.Status == InboundEventStatus.Ignored, what);
        Assert.StartsWith("Refused from the DM channel's API key", handled.Outcome);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        Assert.Empty(await db.Messages.ToListAsync(Ct));
        Assert.False((await db.XAccounts.SingleAsync(Ct)).AccessRevoked);
    }

    [Fact]
    public async Task WhileTheChannelTakesDmsFromItsService_XsWebhookNoLongerBringsThem_UntilSwitchedBack()
    {
        using var control = new HttpClient { BaseAddress = new Uri(http.BaseAddress!, "emulator/control/") };
        await new EmulatorControl(control).CustomerDmAsync("jane_doe", "Hello through X's webhook");

        var handled = await HandledAsync();
        Assert.Equal(InboundEventStatus.Ignored, handled.Status);
        Assert.Contains("takes customers' DMs from its intermediary service", handled.Outcome);

        using (var scope = portal.Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var channel = (await channels.ListAsync(Ct)).Single();
            Assert.Equal(1, channel.IgnoredEvents); // the Channels page shows what the channel turned away
            await channels.UpdateAsync(channel.Id, new() { Name = "DMs", InboundType = InboundEventType.TwitterWebhook }, "ada", Ct);
        }

        await new EmulatorControl(control).CustomerDmAsync("jane_doe", "Hello again");
        Assert.Equal(InboundEventStatus.Processed, (await HandledAsync(count: 2)).Status);
    }

    /// <summary>The newest stored event once the worker has handled <paramref name="count"/> of them.</summary>
    private async Task<InboundEvent> HandledAsync(int count = 1)
    {
        var signal = ChangeSignal.OnInboundHandled(portal.Services, out var subscription);
        using (subscription)
        {
            return await signal.UntilAsync(async () =>
            {
                await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
                var handled = await db.InboundEvents.AsNoTracking().Where(e => e.Status != InboundEventStatus.Pending).OrderBy(e => e.Id).ToListAsync(Ct);
                return handled.Count >= count ? handled[^1] : null;
            }, "The event was not handled.");
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, string body = "{\"for_user_id\":\"1000000001\",\"direct_message_events\":[]}")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IntermediaryReceiver.Path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await http.SendAsync(request, Ct);
    }

    private async Task<int> StoredCountAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.InboundEvents.CountAsync(Ct);
    }
}
