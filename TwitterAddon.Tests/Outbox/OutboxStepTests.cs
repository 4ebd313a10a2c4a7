using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;
using static TwitterAddon.Tests.Infrastructure.XAnswers;

namespace TwitterAddon.Tests.Outbox;

/// <summary>
/// The outbox round by round on a fake clock, against scripted answers of the emulated X: retries wait their
/// backoff and no longer, an unknown outcome is reconciled before anything is sent again, and every reply
/// reaches the customer once.
/// </summary>
public class OutboxStepTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private DrivenHarness driver = default!;

    public async ValueTask InitializeAsync() => driver = await DrivenHarness.StartAsync(provider: Provider);

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task AfterA503_TheReplyIsTriedAgainWhenItsBackoffEnds_NotBefore()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Fail(503));
        var reply = await driver.ReplyAsync(conversation, "Hi Jane, it ships today.");

        Assert.Equal(1, await driver.DrainOutboxAsync());
        var waiting = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Queued, "Retrying: X answered HTTP 503 (attempt 1 of 6).", driver.Clock.GetUtcNow().AddSeconds(2)),
            (waiting.Status, waiting.Error, waiting.NextAttemptAt));
        driver.Clock.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await driver.DrainOutboxAsync());

        driver.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await driver.DrainOutboxAsync());
        await driver.DeliverAsync(1);

        var delivered = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Delivered, 2), (delivered.Status, delivered.Attempts));
        Assert.Single((await driver.SentOnXAsync()).DirectMessages);
    }

    [Fact]
    public async Task ADmWhoseAnswerWasLost_IsConfirmedByItsEcho_AndNeverSentAgain()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Drop());
        var reply = await driver.ReplyAsync(conversation, "We refunded you.");

        await driver.DrainOutboxAsync();
        var unknown = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sending, driver.Clock.GetUtcNow() + RetryPolicy.Backoff(1)), (unknown.Status, unknown.NextAttemptAt));
        await driver.DeliverAsync(1);
        driver.Clock.Advance(RetryPolicy.Backoff(1));

        Assert.Equal(0, await driver.DrainOutboxAsync());
        var dm = Assert.Single((await driver.SentOnXAsync()).DirectMessages);
        var delivered = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Delivered, dm["id"]!.GetValue<string>()), (delivered.Status, delivered.XId));
    }

    [Fact]
    public async Task ADmThatReachedX_WhileTheHostWasDown_IsFoundInXsDmHistory_AndNeverSentTwice()
    {
        // X took the DM, but its answer and its echo were lost with the host: only X's DM history knows.
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Drop());
        var reply = await driver.ReplyAsync(conversation, "We refunded you.");
        await driver.DrainOutboxAsync();

        driver.Clock.Advance(RetryPolicy.Backoff(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await driver.DrainOutboxAsync());
        driver.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await driver.DrainOutboxAsync());

        var dm = Assert.Single((await driver.SentOnXAsync()).DirectMessages);
        var found = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, dm["id"]!.GetValue<string>(), 2), (found.Status, found.XId, found.Attempts));
    }

    // (A 5xx on the lookup, a GET, is first retried by the resilience pipeline; what it ends in takes this same path.)
    [Theory]
    [InlineData(403, 93)]
    [InlineData(429, 88)]
    public async Task WhenXsDmHistoryCannotBeRead_TheReplyStaysSending_AndIsLookedUpAgain_NeverSentBlind(int status, int code)
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Drop(), Fail(status, code));
        var reply = await driver.ReplyAsync(conversation, "We refunded you.");
        await driver.DrainOutboxAsync();

        driver.Clock.Advance(RetryPolicy.Backoff(1));
        Assert.Equal(1, await driver.DrainOutboxAsync());
        var waiting = await driver.MessageAsync(reply);
        Assert.Equal(MessageStatus.Sending, waiting.Status);
        Assert.StartsWith("Checking X's DM history before sending again", waiting.Error);

        driver.Clock.Advance(waiting.NextAttemptAt!.Value - driver.Clock.GetUtcNow());
        Assert.Equal(1, await driver.DrainOutboxAsync());

        var dm = Assert.Single((await driver.SentOnXAsync()).DirectMessages);
        var sent = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, dm["id"]!.GetValue<string>()), (sent.Status, sent.XId));
    }

    [Fact]
    public async Task ADmTheHostDiedBeforeSending_IsNotInXsHistory_AndIsSentOnce()
    {
        // The attempt was recorded as "sending", then the process died before X was called.
        var conversation = await driver.DmConversationAsync();
        var reply = await driver.ReplyAsync(conversation, "It ships today.");
        await driver.BeginAttemptAndCrashAsync(reply);

        driver.Clock.Advance(RetryPolicy.Backoff(1));
        Assert.Equal(1, await driver.DrainOutboxAsync());

        var dm = Assert.Single((await driver.SentOnXAsync()).DirectMessages);
        var sent = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, dm["id"]!.GetValue<string>()), (sent.Status, sent.XId));
    }

    [Fact]
    public async Task AMentionReplyWhoseAnswerWasLost_IsSentAgain_AndX187ProvesItWasPosted()
    {
        var conversation = await driver.MentionConversationAsync();
        await driver.ScriptAsync(Drop());
        var reply = await driver.ReplyAsync(conversation, "Sorry for the wait, it ships today.");

        await driver.DrainOutboxAsync();
        Assert.Equal(MessageStatus.Sending, (await driver.MessageAsync(reply)).Status);
        driver.Clock.Advance(RetryPolicy.Backoff(1));
        await driver.DrainOutboxAsync();

        Assert.Equal(MessageStatus.Sent, (await driver.MessageAsync(reply)).Status);
        await driver.DeliverAsync(1);
        Assert.Equal(MessageStatus.Delivered, (await driver.MessageAsync(reply)).Status);
        Assert.Single((await driver.SentOnXAsync()).Tweets);
    }

    [Fact]
    public async Task A429_WaitsUntilXsRateLimitResets_AndDoesNotCountAsAnAttempt()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Fail(429, 88));
        var reply = await driver.ReplyAsync(conversation, "One moment please.");

        await driver.DrainOutboxAsync();
        var waiting = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Queued, 0), (waiting.Status, waiting.Attempts));
        Assert.InRange(waiting.NextAttemptAt!.Value, driver.Clock.GetUtcNow(), driver.Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(0, await driver.DrainOutboxAsync());

        driver.Clock.Advance(waiting.NextAttemptAt.Value - driver.Clock.GetUtcNow());
        await driver.DrainOutboxAsync();

        var sentOnce = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, 1), (sentOnce.Status, sentOnce.Attempts));
    }

    [Fact]
    public async Task ALockedAccount_326_StopsSending_RepliesWaitQueued_UntilAnAdminResumes()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Fail(403, 326));
        var first = await driver.ReplyAsync(conversation, "First reply");
        await driver.DrainOutboxAsync();

        Assert.StartsWith("X has locked the account", await driver.SendingStoppedReasonAsync());
        var second = await driver.ReplyAsync(conversation, "Second reply");
        driver.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await driver.DrainOutboxAsync());
        Assert.Empty((await driver.SentOnXAsync()).DirectMessages);
        var waiting = await driver.MessageAsync(first);
        Assert.Equal((MessageStatus.Queued, 0), (waiting.Status, waiting.Attempts));
        Assert.StartsWith("Waiting: X has locked the account", waiting.Error);

        await driver.ResumeSendingAsync();
        Assert.Equal(2, await driver.DrainOutboxAsync());

        Assert.Equal([MessageStatus.Sent, MessageStatus.Sent], [(await driver.MessageAsync(first)).Status, (await driver.MessageAsync(second)).Status]);
        Assert.Equal(2, (await driver.SentOnXAsync()).DirectMessages.Count);
    }

    [Fact]
    public async Task ARevokedToken_89_StopsSending_AndTheReplyWaits()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Fail(401, 89));
        var reply = await driver.ReplyAsync(conversation, "Hello again");

        await driver.DrainOutboxAsync();

        var waiting = await driver.MessageAsync(reply);
        Assert.Equal(MessageStatus.Queued, waiting.Status);
        Assert.StartsWith("Waiting: X says the access token is invalid or expired", waiting.Error);
        Assert.Contains("89", await driver.SendingStoppedReasonAsync());
    }

    [Fact]
    public async Task ThroughA503_LostAnswers_AndARateLimit_EveryReplyIsPostedExactlyOnce()
    {
        var dm = await driver.DmConversationAsync();
        var mention = await driver.MentionConversationAsync();
        // One answer per call to X, in the order the outbox makes them: DM and mention replies alternate.
        await driver.ScriptAsync(
            Fail(503), Drop(), Ok(), Fail(429, 88), Drop(), Fail(502), Ok(), Drop(), Fail(503), Ok(), Drop(), Ok(), Fail(500), Drop());
        var sent = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            sent.Add(await driver.ReplyAsync(dm, $"DM reply {i}"));
            sent.Add(await driver.ReplyAsync(mention, $"Mention reply {i}"));
        }

        await driver.RunOutboxAsync(TimeSpan.FromSeconds(1), driver.DeliverArrivedAsync);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await driver.OutboundAsync()).Any(m => m.Status != MessageStatus.Delivered) && DateTime.UtcNow < deadline)
        {
            // Echoes of the last sends may still be on their way from X.
            await driver.DeliverArrivedAsync();
        }

        var (dms, tweets) = await driver.SentOnXAsync();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"DM reply {i}"), dms.Select(d => d["message_create"]!["message_data"]!["text"]!.GetValue<string>()).Order());
        Assert.Equal(6, tweets.Select(t => t["id_str"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(6, tweets.Count);
        var replies = await driver.OutboundAsync();
        Assert.Equal(sent, replies.Select(m => m.Id));
        Assert.All(replies, m => Assert.Equal(MessageStatus.Delivered, m.Status));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class OutboxStepTestsOnPostgreSql : OutboxStepTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
