using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Emulator;

/// <summary>DMs and reply tweets through the client, and the Account Activity events they cause.</summary>
public sealed class SendingTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        x = await EmulatorHost.StartAsync();
        await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);
        await x.Client.SubscribeAsync(Keys, "sandbox", Ct);
    }

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task CustomerDm_IsDeliveredSigned_InXsShape()
    {
        (await x.Control.PostAsJsonAsync("direct_messages", new { sender = "@jane_doe", text = "My order #1234 never arrived" }, Ct)).EnsureSuccessStatusCode();

        var payload = await x.Receiver.WaitForAsync(p => p.ContainsKey("direct_message_events"));

        Assert.Equal("1000000001", (string?)payload["for_user_id"]);
        var dm = payload["direct_message_events"]![0]!;
        Assert.Equal("message_create", (string?)dm["type"]);
        Assert.Matches("^[0-9]+$", (string?)dm["id"]);
        Assert.Matches("^[0-9]{13}$", (string?)dm["created_timestamp"]);
        Assert.Equal("1000000001", (string?)dm["message_create"]!["target"]!["recipient_id"]);
        Assert.Equal("1000000002", (string?)dm["message_create"]!["sender_id"]);
        Assert.Equal("My order #1234 never arrived", (string?)dm["message_create"]!["message_data"]!["text"]);
        Assert.Equal("1234", (string?)dm["message_create"]!["message_data"]!["entities"]!["hashtags"]![0]!["text"]);
        var jane = payload["users"]!["1000000002"]!;
        Assert.Equal(("1000000002", "jane_doe", "Jane Doe"), ((string?)jane["id"], (string?)jane["screen_name"], (string?)jane["name"]));
        Assert.NotNull(payload["users"]!["1000000001"]);
    }

    [Fact]
    public async Task SendDirectMessage_ReturnsTheEventId_AndItComesBackAsAnEcho()
    {
        var sent = await x.Client.SendDirectMessageAsync(Keys, "1000000002", "Sorry about that! Which address?", Ct);

        Assert.Matches("^[0-9]+$", sent.Id);
        Assert.Equal("1000000001", sent.MessageCreate.SenderId);
        var echo = await x.Receiver.WaitForAsync(p => (string?)p["direct_message_events"]?[0]?["id"] == sent.Id);
        Assert.Equal("1000000001", (string?)echo["direct_message_events"]![0]!["message_create"]!["sender_id"]);
        Assert.NotNull(echo["apps"]!["24000001"]);
    }

    [Fact]
    public async Task SendDirectMessage_Errors_CarryXsCodes()
    {
        (await x.Control.PatchAsJsonAsync("users/@budi_santoso", new { dms_open = false }, Ct)).EnsureSuccessStatusCode();

        var closed = await Assert.ThrowsAsync<XApiException>(() => x.Client.SendDirectMessageAsync(Keys, "1000000003", "Hello", Ct));
        var tooLong = await Assert.ThrowsAsync<XApiException>(() => x.Client.SendDirectMessageAsync(Keys, "1000000002", new string('a', 10_001), Ct));
        var unknown = await Assert.ThrowsAsync<XApiException>(() => x.Client.SendDirectMessageAsync(Keys, "999", "Hello", Ct));
        var atLimit = await x.Client.SendDirectMessageAsync(Keys, "1000000002", new string('a', 10_000), Ct);

        Assert.Equal((XErrorCodes.CannotMessageUser, XErrorCodes.MessageTooLong, XErrorCodes.UserNotFound),
            (closed.Code, tooLong.Code, unknown.Code));
        Assert.NotNull(atLimit.Id);
    }

    [Fact]
    public async Task Mention_IsDelivered_AndTheReplyIsThreadedWithXsLeadingMention()
    {
        var tweet = await PostAsCustomerAsync("@AcmeSupport my parcel is late");
        var mention = await x.Receiver.WaitForAsync(p => (string?)p["tweet_create_events"]?[0]?["id_str"] == (string?)tweet["id_str"]);
        Assert.Equal("false", (string?)mention["user_has_blocked"]);
        var mentioned = mention["tweet_create_events"]![0]!["entities"]!["user_mentions"]![0]!;
        Assert.Equal(("1000000001", 0, 12), ((string?)mentioned["id_str"], (int)mentioned["indices"]![0]!, (int)mentioned["indices"]![1]!));

        var reply = await x.Client.PostReplyAsync(Keys, "We're on it - J.D", (string)tweet["id_str"]!, Ct);

        Assert.Equal((string?)tweet["id_str"], reply.InReplyToStatusIdStr);
        Assert.Equal("@jane_doe We're on it - J.D", reply.Text);
        var echo = await x.Receiver.WaitForAsync(p => (string?)p["tweet_create_events"]?[0]?["id_str"] == reply.IdStr);
        var range = echo["tweet_create_events"]![0]!["display_text_range"]!;
        Assert.Equal((10, 27), ((int)range[0]!, (int)range[1]!));
        Assert.Null(echo["user_has_blocked"]);
    }

    [Fact]
    public async Task Reply_Errors_CarryXsCodes()
    {
        var tweet = await PostAsCustomerAsync("@AcmeSupport hello");
        var parent = (string)tweet["id_str"]!;
        await x.Client.PostReplyAsync(Keys, "Hi there", parent, Ct);

        var duplicate = await Assert.ThrowsAsync<XApiException>(() => x.Client.PostReplyAsync(Keys, "Hi there", parent, Ct));
        var tooLong = await Assert.ThrowsAsync<XApiException>(() => x.Client.PostReplyAsync(Keys, new string('a', 281), parent, Ct));
        var cjk = await Assert.ThrowsAsync<XApiException>(() => x.Client.PostReplyAsync(Keys, new string('字', 141), parent, Ct));
        var missing = await Assert.ThrowsAsync<XApiException>(() => x.Client.PostReplyAsync(Keys, "Hi", "123", Ct));
        var fits = await x.Client.PostReplyAsync(Keys, new string('字', 140), parent, Ct);

        Assert.Equal((XErrorCodes.DuplicateStatus, XErrorCodes.StatusTooLong, XErrorCodes.StatusTooLong, XErrorCodes.ParentTweetMissing),
            (duplicate.Code, tooLong.Code, cjk.Code, missing.Code));
        Assert.NotNull(fits.IdStr);
    }

    [Fact]
    public async Task LongMention_IsTruncatedInText_WithTheWholeInExtendedTweet()
    {
        var text = "@AcmeSupport " + string.Join(' ', Enumerable.Repeat("the parcel never came", 9)) + " @budi_santoso";
        var tweet = await PostAsCustomerAsync(text);

        var payload = await x.Receiver.WaitForAsync(p => (string?)p["tweet_create_events"]?[0]?["id_str"] == (string?)tweet["id_str"]);

        var created = payload["tweet_create_events"]![0]!;
        Assert.True((bool)created["truncated"]!);
        Assert.Contains("\u2026 https://t.co/", (string?)created["text"]);
        Assert.Equal(text, (string?)created["extended_tweet"]!["full_text"]);
        Assert.Equal(2, created["extended_tweet"]!["entities"]!["user_mentions"]!.AsArray().Count);
    }

    [Fact]
    public async Task QuoteAndRetweet_OfTheAccountsTweet_AreDelivered()
    {
        var original = await PostAsCustomerAsync("@AcmeSupport thanks!");
        var reply = await x.Client.PostReplyAsync(Keys, "You're welcome", (string)original["id_str"]!, Ct);

        (await x.Control.PostAsJsonAsync("tweets", new { author = "yuki_tanaka", text = "Great service", quoted_status_id = reply.IdStr }, Ct)).EnsureSuccessStatusCode();
        (await x.Control.PostAsJsonAsync("retweets", new { user = "yuki_tanaka", tweet_id = reply.IdStr }, Ct)).EnsureSuccessStatusCode();

        var quote = await x.Receiver.WaitForAsync(p => (bool?)p["tweet_create_events"]?[0]?["is_quote_status"] == true);
        Assert.Equal(reply.IdStr, (string?)quote["tweet_create_events"]![0]!["quoted_status"]!["id_str"]);
        var retweet = await x.Receiver.WaitForAsync(p => p["tweet_create_events"]?[0]?["retweeted_status"] is not null);
        Assert.Equal(reply.IdStr, (string?)retweet["tweet_create_events"]![0]!["retweeted_status"]!["id_str"]);
    }

    [Fact]
    public async Task ControlApi_SentByTheAccount_ListsItsDmsAndTweets()
    {
        var tweet = await PostAsCustomerAsync("@AcmeSupport hi");
        await x.Client.SendDirectMessageAsync(Keys, "1000000002", "Hello Jane", Ct);
        await x.Client.PostReplyAsync(Keys, "Hello!", (string)tweet["id_str"]!, Ct);

        var sent = (await x.Control.GetFromJsonAsync<JsonObject>("sent", Ct))!;

        Assert.Equal("Hello Jane", (string?)sent["direct_messages"]![0]!["message_create"]!["message_data"]!["text"]);
        Assert.Equal("@jane_doe Hello!", (string?)sent["tweets"]![0]!["text"]);
    }

    private async Task<JsonObject> PostAsCustomerAsync(string text)
    {
        var response = await x.Control.PostAsJsonAsync("tweets", new { author = "@jane_doe", text }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
