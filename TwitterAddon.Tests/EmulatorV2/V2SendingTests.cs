using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.EmulatorV2;

/// <summary>v2 posts and DMs through the client against the emulated X: X's rules and its answers, read by meaning.</summary>
public sealed class V2SendingTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A 429 comes back to the caller at once rather than being waited out inside the call.
    public async ValueTask InitializeAsync() => x = await EmulatorHost.StartAsync(maxRateLimitWait: TimeSpan.Zero);

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task AReplyToAMention_IsPostedThreaded_AndTheSameTextAgainIsADuplicate()
    {
        var mention = await CustomerTweetAsync("jane_doe", "@AcmeSupport my parcel is late");

        var id = await x.ClientV2.PostReplyAsync(Keys, "Sorry! Checking now.", mention, Ct);
        var again = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.PostReplyAsync(Keys, "Sorry! Checking now.", mention, Ct));

        var sent = Assert.Single(await SentTweetsAsync())!;
        Assert.Equal((id, mention), ((string?)sent["id_str"], (string?)sent["in_reply_to_status_id_str"]));
        Assert.Equal((403, XRefusal.Duplicate), (again.HttpStatus, again.Refusal));
    }

    [Fact]
    public async Task XsReplyRule_RefusesAReplyToAPostThatNeitherMentionsNorQuotesTheAccount()
    {
        var mention = await CustomerTweetAsync("jane_doe", "@AcmeSupport help please");
        var ours = await x.ClientV2.PostReplyAsync(Keys, "On it!", mention, Ct);
        var followUp = await CustomerTweetAsync("jane_doe", "thanks, still waiting", inReplyTo: ours);

        var error = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.PostReplyAsync(Keys, "Any news?", followUp, Ct));
        var toQuote = await CustomerTweetAsync("budi_santoso", "look at this", quoted: ours);

        Assert.Equal((403, XRefusal.ReplyNotAllowed), (error.HttpStatus, error.Refusal));
        Assert.NotNull(await x.ClientV2.PostReplyAsync(Keys, "Thanks for sharing!", toQuote, Ct));
    }

    [Theory]
    [InlineData(301, XRefusal.TooLong)]
    public async Task AReplyOver280_IsRefused(int length, XRefusal refusal)
    {
        var mention = await CustomerTweetAsync("jane_doe", "@AcmeSupport hello");

        var error = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.PostReplyAsync(Keys, new string('a', length), mention, Ct));

        Assert.Equal((400, refusal), (error.HttpStatus, error.Refusal));
    }

    [Fact]
    public async Task AReplyToADeletedPost_IsRefusedAsGone()
    {
        var error = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.PostReplyAsync(Keys, "Hello", "1234567890123456789", Ct));

        Assert.Equal((403, XRefusal.ParentGone), (error.HttpStatus, error.Refusal));
    }

    [Fact]
    public async Task ADm_IsSent_AndShowsInTheDmHistory_NewestFirst()
    {
        var first = await x.ClientV2.SendDirectMessageAsync(Keys, "1000000002", "First", Ct);
        var second = await x.ClientV2.SendDirectMessageAsync(Keys, "1000000002", "Second", Ct);

        var history = await x.ClientV2.ListDirectMessagesWithAsync(Keys, "1000000002", Ct);

        Assert.Equal([second, first], history.Select(e => e.Id));
        Assert.All(history, e => Assert.Equal(("MessageCreate", "1000000001"), (e.EventType, e.SenderId)));
        Assert.Equal("Second", history[0].Text);
    }

    [Fact]
    public async Task ADmToSomeoneWithClosedDms_IsRefused_AndAReadOnlyAppCannotSend()
    {
        (await x.Control.PatchAsJsonAsync("users/@budi_santoso", new { dms_open = false }, Ct)).EnsureSuccessStatusCode();

        var closed = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.SendDirectMessageAsync(Keys, "1000000003", "Hi", Ct));
        (await x.Control.PatchAsJsonAsync($"tokens/{Keys.AccessToken}", new { can_write_and_message = false }, Ct)).EnsureSuccessStatusCode();
        var readOnly = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.SendDirectMessageAsync(Keys, "1000000002", "Hi", Ct));

        Assert.Equal((403, XRefusal.CannotMessage), (closed.HttpStatus, closed.Refusal));
        Assert.Equal((403, XRefusal.NoPermission), (readOnly.HttpStatus, readOnly.Refusal));
    }

    [Fact]
    public async Task InjectedFaults_AnswerInV2sShape()
    {
        await x.ControlApi.ScriptAsync(XAnswers.Fail(429, 88), XAnswers.Fail(503));

        var limited = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.SendDirectMessageAsync(Keys, "1000000002", "Hi", Ct));
        var unavailable = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.SendDirectMessageAsync(Keys, "1000000002", "Hi", Ct));

        Assert.Equal((429, XRefusal.RateLimited, "Too Many Requests"), (limited.HttpStatus, limited.Refusal, limited.Problem?.Title));
        Assert.NotNull(limited.RateLimitReset);
        Assert.Equal((503, (XRefusal?)null), (unavailable.HttpStatus, unavailable.Refusal));
    }

    private Task<string> CustomerTweetAsync(string author, string text, string? inReplyTo = null, string? quoted = null) =>
        x.ControlApi.CustomerTweetAsync(author, text, inReplyTo, quoted);

    private async Task<List<JsonNode>> SentTweetsAsync() => (await x.ControlApi.SentOnXAsync()).Tweets;
}
