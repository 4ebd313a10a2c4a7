using TwitterAddon.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Outbox;

namespace TwitterAddon.Tests.Inbox;

/// <summary>Agents' replies through the real outbox and the emulated X, echoes included.</summary>
public class ReplyTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string DeepLink = "https://twitter.com/messages/compose?recipient_id=1000000001";
    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync(provider: Provider);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task ADmReply_IsSentOnce_AndItsEchoMarksItDelivered_NotImported()
    {
        var conversation = await harness.DmConversationAsync();

        var outcome = await harness.ReplyAsync(conversation, "Hi Jane, it ships today.");

        Assert.True(outcome.Queued, outcome.Error);
        var message = await harness.WaitForAsync(outcome.MessageId!.Value, MessageStatus.Delivered);
        Assert.NotNull(message.XId);
        var (dms, _) = await harness.SentOnXAsync();
        Assert.Equal(message.XId, Assert.Single(dms)["id"]!.GetValue<string>());
        await harness.EventsAfterProcessingAsync(2);
        Assert.Equal(2, (await harness.MessagesAsync()).Count);
    }

    [Fact]
    public async Task AMentionReply_IsThreadedUnderTheCustomersLatestTweet_WithInitialsAndTheDeepLinkLast()
    {
        await harness.SetMentionTogglesAsync(dmDeepLink: true, agentInitial: true);
        var (conversation, tweet) = await harness.MentionConversationAsync();

        var outcome = await harness.ReplyAsync(conversation, "Sorry for the wait, DM us your order number.");

        var message = await harness.WaitForAsync(outcome.MessageId!.Value, MessageStatus.Delivered);
        Assert.Equal($"Sorry for the wait, DM us your order number. - J.D {DeepLink}", message.Text);
        var posted = Assert.Single((await harness.SentOnXAsync()).Tweets);
        Assert.Equal((tweet, message.XId), (posted["in_reply_to_status_id_str"]!.GetValue<string>(), posted["id_str"]!.GetValue<string>()));
        // X added the @handle itself (auto_populate_reply_metadata): it is outside the counted text.
        Assert.StartsWith("@jane_doe ", posted["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplyOver280_AsXCountsIt_IsRefused_AndNothingIsWritten()
    {
        await harness.SetMentionTogglesAsync(dmDeepLink: true, agentInitial: true);
        var (conversation, _) = await harness.MentionConversationAsync();
        // 250 letters + " - J.D" (6) + " " and the link (1 + 23) = 280: allowed; one more is 281.
        var fits = new string('a', 250);

        var refused = await harness.ReplyAsync(conversation, fits + "a");
        var empty = await harness.ReplyAsync(conversation, "   ");

        Assert.Equal("The reply is 281 characters as X counts them; the limit is 280. Shorten it.", refused.Error);
        Assert.Equal("Write a reply first.", empty.Error);
        Assert.Single(await harness.MessagesAsync());
        Assert.True((await harness.ReplyAsync(conversation, fits)).Queued);
    }

    [Fact]
    public async Task AReplyWhoseChannelChangedSinceThePreview_IsRefused_AndSendsOnceTheAgentHasSeenTheNewText()
    {
        var (conversation, _) = await harness.MentionConversationAsync();
        // The agent's composer showed the reply with no initials or link; then an admin turned both on.
        await harness.SetMentionTogglesAsync(dmDeepLink: true, agentInitial: true);

        var refused = await harness.ReplyAsync(conversation, "On its way.", confirmedText: "On its way.");

        Assert.False(refused.Queued);
        Assert.True(refused.PreviewChanged);
        Assert.StartsWith("The channel's settings changed while you were writing", refused.Error);
        Assert.Single(await harness.MessagesAsync());
        var sent = await harness.ReplyAsync(conversation, "On its way.", confirmedText: $"On its way. - J.D {DeepLink}");
        Assert.Equal($"On its way. - J.D {DeepLink}", (await harness.WaitForAsync(sent.MessageId!.Value, MessageStatus.Delivered)).Text);
    }

    [Fact]
    public async Task XsRefusals_ShowTheReason_AndRetrySendsAgain()
    {
        var conversation = await harness.DmConversationAsync();
        await harness.SetFaultsAsync(new { fail_next_count = 1, fail_next_status = 403, fail_next_code = 349 });

        var outcome = await harness.ReplyAsync(conversation, "We can help.");
        var failed = await harness.WaitForAsync(outcome.MessageId!.Value, MessageStatus.Failed);

        Assert.StartsWith("X does not allow sending this person a DM", failed.Error);
        Assert.Contains("349", failed.Error);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(harness.Services))
        {
            var replies = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ReplyService>(scope.ServiceProvider);
            Assert.True((await replies.RetryAsync(failed.Id, Ct)).Queued);
        }

        await harness.WaitForAsync(failed.Id, MessageStatus.Delivered);
        Assert.Single((await harness.SentOnXAsync()).DirectMessages);
    }

    [Theory]
    [InlineData(403, 385, "The tweet being replied to was deleted")]
    [InlineData(403, 186, "The reply is over 280 characters as X counts them")]
    [InlineData(404, 108, "X refused the request.")]
    public async Task AMentionReplyXRefuses_FailsWithXsReason_AndIsNotRetried(int status, int code, string reason)
    {
        var (conversation, _) = await harness.MentionConversationAsync();
        await harness.SetFaultsAsync(new { fail_next_count = 1, fail_next_status = status, fail_next_code = code });

        var failed = await harness.WaitForAsync((await harness.ReplyAsync(conversation, "We are on it.")).MessageId!.Value, MessageStatus.Failed);

        Assert.StartsWith(reason, failed.Error);
        Assert.Contains($"X said {code}", failed.Error);
        Assert.Equal(1, failed.Attempts);
        Assert.Empty((await harness.SentOnXAsync()).Tweets);
    }

    [Fact]
    public async Task ADuplicateTweet_187_FailsWithTheReason()
    {
        var (conversation, _) = await harness.MentionConversationAsync();
        var first = await harness.ReplyAsync(conversation, "We are on it.");
        await harness.WaitForAsync(first.MessageId!.Value, MessageStatus.Delivered);

        var second = await harness.ReplyAsync(conversation, "We are on it.");

        var failed = await harness.WaitForAsync(second.MessageId!.Value, MessageStatus.Failed);
        Assert.StartsWith("X refuses a reply identical to one already posted", failed.Error);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ReplyTestsOnPostgreSql : ReplyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
