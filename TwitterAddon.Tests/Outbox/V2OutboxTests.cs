using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;
using static TwitterAddon.Tests.Infrastructure.XAnswers;

namespace TwitterAddon.Tests.Outbox;

/// <summary>Replies on today's X (Pay-per-use, v2 sending), round by round on a fake clock: sent once, reconciled, within X's reply rule.</summary>
public class V2OutboxTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private DrivenHarness driver = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => driver = await DrivenHarness.StartAsync(AccountTier.PayPerUse, Provider);

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task ADmReplyAndAMentionReply_GoOutThroughV2_AndTheirEchoesMarkThemDelivered()
    {
        var dm = await driver.DmConversationAsync();
        var mention = await driver.MentionConversationAsync();
        var dmReply = await driver.ReplyAsync(dm, "Hi Jane, it ships today.");
        var mentionReply = await driver.ReplyAsync(mention, "Sorry for the wait!");

        Assert.Equal(2, await driver.DrainOutboxAsync());
        await driver.DeliverAsync(2);

        var (dms, tweets) = await driver.SentOnXAsync();
        Assert.Equal((await driver.MessageAsync(dmReply)).XId, Assert.Single(dms)["id"]!.GetValue<string>());
        Assert.Equal((await driver.MessageAsync(mentionReply)).XId, Assert.Single(tweets)["id_str"]!.GetValue<string>());
        Assert.All(await driver.OutboundAsync(), m => Assert.Equal(MessageStatus.Delivered, m.Status));
    }

    [Fact]
    public async Task CreditsRunningOut_402_StopsSending_RepliesWaitQueued_UntilAnAdminResumes()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Fail(402));
        var reply = await driver.ReplyAsync(conversation, "Hi Jane, it ships today.");

        await driver.DrainOutboxAsync();
        driver.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await driver.DrainOutboxAsync());

        Assert.StartsWith("The X app has no credits left", await driver.SendingStoppedReasonAsync());
        var waiting = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Queued, 0), (waiting.Status, waiting.Attempts));
        Assert.Empty((await driver.SentOnXAsync()).DirectMessages);

        await driver.ResumeSendingAsync();
        Assert.Equal(1, await driver.DrainOutboxAsync());
        Assert.Single((await driver.SentOnXAsync()).DirectMessages);
    }

    [Fact]
    public async Task ADmWhoseAnswerWasLost_IsFoundInXsDmHistory_AndNotSentAgain()
    {
        var conversation = await driver.DmConversationAsync();
        await driver.ScriptAsync(Drop());
        var reply = await driver.ReplyAsync(conversation, "We refunded you.");

        await driver.DrainOutboxAsync();
        Assert.Equal(MessageStatus.Sending, (await driver.MessageAsync(reply)).Status);
        // No echo reached us (the host was down when X sent it): the history is what tells.
        driver.Clock.Advance(RetryPolicy.Backoff(1));
        Assert.Equal(1, await driver.DrainOutboxAsync());

        var sent = Assert.Single((await driver.SentOnXAsync()).DirectMessages);
        var found = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, sent["id"]!.GetValue<string>()), (found.Status, found.XId));
    }

    [Fact]
    public async Task APostWhoseAnswerWasLost_IsTriedAgain_AndXsDuplicateRefusalProvesItPosted()
    {
        var conversation = await driver.MentionConversationAsync();
        await driver.ScriptAsync(Drop());
        var reply = await driver.ReplyAsync(conversation, "On it, sorry!");

        await driver.DrainOutboxAsync();
        driver.Clock.Advance(RetryPolicy.Backoff(1));
        await driver.DrainOutboxAsync();

        Assert.Equal(MessageStatus.Sent, (await driver.MessageAsync(reply)).Status);
        Assert.Single((await driver.SentOnXAsync()).Tweets);
        await driver.DeliverArrivedAsync();
        Assert.Equal(MessageStatus.Delivered, (await driver.MessageAsync(reply)).Status);
    }

    [Fact]
    public async Task XsReplyRule_IsShownBeforeTheAgentWrites_AndSendRefuses_UntilTheCustomerMentionsTheAccountAgain()
    {
        var (conversation, ours) = await driver.FollowUpWithoutMentionAsync("jane_doe");

        Assert.Contains("neither mentions nor quotes @AcmeSupport", (await driver.ConversationAsync(conversation)).CannotReplyBecause);
        var refused = await driver.SendAsync(conversation, "Any update?");
        Assert.StartsWith("X will not take a reply here", refused.Error);

        await driver.CustomerTweetAsync("jane_doe", "@AcmeSupport hello?", inReplyTo: ours);
        await driver.DeliverAsync(1);
        Assert.Null((await driver.ConversationAsync(conversation)).CannotReplyBecause);
        Assert.True((await driver.SendAsync(conversation, "Here now!")).Queued);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class V2OutboxTestsOnPostgreSql : V2OutboxTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
