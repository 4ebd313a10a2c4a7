using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbox;

/// <summary>The outbox across a restart of the real host: what was queued is sent when it comes back.</summary>
public sealed class OutboxFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
