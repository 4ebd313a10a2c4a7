using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.V2;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.EmulatorV2;

/// <summary>The add-on's v2 client against the emulated X over HTTP: users/me, v2 webhooks, X Activity subscriptions, deliveries.</summary>
public sealed class V2WebhookAndActivityTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private const string Account = "1000000001";
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => x = await EmulatorHost.StartAsync();

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task UsersMe_IsTheTokensUser_WithItsPicture()
    {
        var me = await x.ClientV2.GetMeAsync(Keys, Ct);

        Assert.Equal((Account, "AcmeSupport", "Acme Support"), (me.IdStr, me.ScreenName, me.Name));
        Assert.StartsWith("data:image/svg+xml", me.ProfileImageUrlHttps);
    }

    [Fact]
    public async Task WrongKeys_AreAProblem401_ThatReadsAsInvalidToken()
    {
        var error = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.GetMeAsync(Keys with { AccessTokenSecret = "wrong" }, Ct));

        Assert.Equal((401, XRefusal.InvalidToken, "Unauthorized"), (error.HttpStatus, error.Refusal, error.Said));
    }

    [Fact]
    public async Task AWebhook_IsCreatedAfterItsCrc_Listed_Revalidated_AndDeleted()
    {
        var created = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);

        Assert.True(created.Valid);
        Assert.Equal(created.Id, Assert.Single(await x.ClientV2.ListWebhooksAsync(Keys, Ct)).Id);
        Assert.True(await x.ClientV2.ValidateWebhookAsync(Keys, created.Id, Ct));
        x.Receiver.Crc = WebhookReceiver.CrcBehaviour.WrongToken;
        Assert.False(await x.ClientV2.ValidateWebhookAsync(Keys, created.Id, Ct));
        Assert.False(Assert.Single(await x.ClientV2.ListWebhooksAsync(Keys, Ct)).Valid);
        await x.ClientV2.DeleteWebhookAsync(Keys, created.Id, Ct);
        Assert.Empty(await x.ClientV2.ListWebhooksAsync(Keys, Ct));
    }

    [Theory]
    [InlineData(WebhookReceiver.CrcBehaviour.WrongToken)]
    [InlineData(WebhookReceiver.CrcBehaviour.NotFound)]
    public async Task AWebhookThatFailsTheCrc_IsNotCreated_AndXSaysCrcValidationFailed(WebhookReceiver.CrcBehaviour crc)
    {
        x.Receiver.Crc = crc;

        var error = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct));

        Assert.Equal(400, error.HttpStatus);
        Assert.StartsWith("CrcValidationFailed: ", Assert.Single(error.Errors).Text);
        Assert.Empty(await x.ClientV2.ListWebhooksAsync(Keys, Ct));
    }

    [Fact]
    public async Task PayPerUse_HasRoomForOneWebhook_AndTheSameUrlTwiceIsADuplicate()
    {
        await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);

        var again = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct));
        var second = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl + "?another", Ct));

        Assert.StartsWith("DuplicateUrlFailed: ", again.Errors[0].Text);
        Assert.StartsWith("WebhookLimitExceeded: ", second.Errors[0].Text);
    }

    [Fact]
    public async Task Subscriptions_AreCreatedTagged_ADuplicateCountsAsCreated_AndTheyCanBeListedAndDeleted()
    {
        var webhook = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);

        var first = await x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, webhook.Id, "production", Ct);
        var again = await x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, webhook.Id, "production", Ct);
        await x.ClientV2.SubscribeAsync(Keys, ActivityEvents.Mention, Account, webhook.Id, "production", Ct);

        Assert.Equal(first.SubscriptionId, again.SubscriptionId);
        var listed = await x.ClientV2.ListSubscriptionsAsync(Keys, Ct);
        Assert.Equal([ActivityEvents.DirectMessageReceived, ActivityEvents.Mention], listed.Select(s => s.EventType));
        Assert.All(listed, s => Assert.Equal(("production", Account, webhook.Id), (s.Tag, s.Filter?.UserId, s.WebhookId)));
        await x.ClientV2.DeleteSubscriptionAsync(Keys, first.SubscriptionId, Ct);
        Assert.Single(await x.ClientV2.ListSubscriptionsAsync(Keys, Ct));
    }

    [Fact]
    public async Task KeysWithoutTheDmPermission_CannotSubscribeToDms()
    {
        var webhook = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);
        (await x.Control.PatchAsJsonAsync($"tokens/{Keys.AccessToken}", new { can_write_and_message = false }, Ct)).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<XApiException>(() =>
            x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, webhook.Id, "production", Ct));

        Assert.Equal((403, XRefusal.NoPermission), (error.HttpStatus, error.Refusal));
    }

    [Fact]
    public async Task ASubscriptionForAnotherUsersPrivateEvents_OrAnUnknownWebhook_IsRefused()
    {
        var webhook = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);

        var otherUser = await Assert.ThrowsAsync<XApiException>(() =>
            x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, "1000000002", webhook.Id, "production", Ct));
        var unknownWebhook = await Assert.ThrowsAsync<XApiException>(() =>
            x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, "123", "production", Ct));

        Assert.Equal(403, otherUser.HttpStatus);
        Assert.StartsWith("WebhookIdInvalid: ", unknownWebhook.Errors[0].Text);
    }

    [Fact]
    public async Task ACustomersDm_ArrivesAsASignedXActivityEnvelope_ForTheSubscribedEventOnly()
    {
        var webhook = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);
        await x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, webhook.Id, "production", Ct);

        await x.ControlApi.CustomerDmAsync("jane_doe", "Hello there");
        await x.ControlApi.CustomerTweetAsync("jane_doe", "@AcmeSupport not subscribed");
        var delivery = await x.Receiver.WaitForAsync(p => p["data"] is not null);

        var data = delivery["data"]!;
        Assert.Equal(("dm.received", "production", Account), ((string?)data["event_type"], (string?)data["tag"], (string?)data["filter"]!["user_id"]));
        Assert.Matches("^-?[0-9]+$", (string?)data["event_uuid"]);
        var dm = data["payload"]!["direct_message_events"]![0]!;
        Assert.Equal(("Hello there", "1000000002"), ((string?)dm["message_create"]!["message_data"]!["text"], (string?)dm["message_create"]!["sender_id"]));
        Assert.Equal("jane_doe", (string?)data["payload"]!["users"]!["1000000002"]!["data"]!["username"]);
        Assert.DoesNotContain(x.Receiver.Deliveries, d => (string?)d.Body["data"]?["event_type"] == "post.mention.create");
    }

    [Fact]
    public async Task Replay_DeliversTheLastDaysEventsAgain_AndRefusesWhatIsOutOfReach()
    {
        var webhook = await x.ClientV2.CreateWebhookAsync(Keys, x.HookUrl, Ct);
        await x.ClientV2.SubscribeAsync(Keys, ActivityEvents.DirectMessageReceived, Account, webhook.Id, "production", Ct);
        x.Receiver.RefuseNextDeliveries = 1;
        await x.ControlApi.CustomerDmAsync("jane_doe", "Missed while you were down");
        await x.Receiver.WaitForAttemptsAsync(1);
        Assert.Empty(x.Receiver.Deliveries);

        var now = DateTimeOffset.UtcNow;
        var job = await x.ClientV2.ReplayAsync(Keys, webhook.Id, now.AddMinutes(-5), now, Ct);
        var tooOld = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.ReplayAsync(Keys, webhook.Id, now.AddHours(-30), now, Ct));

        Assert.NotNull(job.JobId);
        var replayed = await x.Receiver.WaitForAsync(p => p["data"] is not null);
        Assert.Equal("Missed while you were down", (string?)replayed["data"]!["payload"]!["direct_message_events"]![0]!["message_create"]!["message_data"]!["text"]);
        Assert.StartsWith("QueryParamInvalid: ", tooOld.Errors[0].Text);
    }

}
