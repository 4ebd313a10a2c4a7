using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbox;

/// <summary>The outbox against a misbehaving X, and across a restart: every reply posted, none twice.</summary>
public sealed class OutboxFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With30PercentErrors_RateLimitBursts_AndLateAnswers_EveryReplyIsPostedExactlyOnce()
    {
        // Calls time out after a second; a late answer comes after two, when X has already acted.
        await using var harness = await InboundHarness.StartAsync(configure: p => p.Setting("Twitter:AttemptTimeout", "00:00:01"));
        var dm = await harness.DmConversationAsync();
        var (mention, _) = await harness.MentionConversationAsync("budi_santoso");
        await harness.SetFaultsAsync(new { error_rate = 0.3, error_status = 503, slow_answer_rate = 0.2, slow_answer_ms = 2000 });

        var sent = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            sent.Add((await harness.ReplyAsync(dm, $"DM reply {i}")).MessageId!.Value);
            sent.Add((await harness.ReplyAsync(mention, $"Mention reply {i}")).MessageId!.Value);
            if (i == 2)
            {
                await harness.SetFaultsAsync(new { fail_next_count = 3, fail_next_code = 88, error_rate = 0.3, slow_answer_rate = 0.2, slow_answer_ms = 2000 });
            }
        }

        foreach (var id in sent)
        {
            await harness.WaitForAsync(id, MessageStatus.Delivered);
        }

        var (dms, tweets) = await harness.SentOnXAsync();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"DM reply {i}").Order(), dms.Select(d => d["message_create"]!["message_data"]!["text"]!.GetValue<string>()).Order());
        Assert.Equal(6, tweets.Count);
        Assert.Equal(6, tweets.Select(t => t["id_str"]!.GetValue<string>()).Distinct().Count());
        // Echoes matched the replies: no "sent elsewhere" copies in the inbox.
        Assert.Equal(12, (await harness.MessagesAsync()).Count(m => m.Direction == MessageDirection.Outbound));
    }

    [Fact]
    public async Task RepliesQueuedWhenTheHostStops_AreSentAfterItComesBack()
    {
        using var database = new TestDatabase();
        long queued;
        await using (var first = await InboundHarness.StartAsync(database: database))
        {
            var conversation = await first.DmConversationAsync();
            // X is down: the reply stays queued with its next attempt in the future when the host stops.
            await first.SetFaultsAsync(new { error_rate = 1.0, error_status = 503 });
            queued = (await first.ReplyAsync(conversation, "Sent after the restart")).MessageId!.Value;
            await first.WaitForAsync(queued, MessageStatus.Queued);
            await Task.Delay(500, Ct);
            Assert.Empty((await first.SentOnXAsync()).DirectMessages);
        }

        await using var second = await InboundHarness.ResumeAsync(database);

        var message = await second.WaitForAsync(queued, MessageStatus.Sent, MessageStatus.Delivered);
        var dm = Assert.Single((await second.SentOnXAsync()).DirectMessages);
        Assert.Equal(message.XId, dm["id"]!.GetValue<string>());
        await using var db = await second.Contexts().CreateDbContextAsync(Ct);
        Assert.True(await db.Messages.AnyAsync(m => m.Id == queued && m.Attempts >= 2, Ct));
    }
}
