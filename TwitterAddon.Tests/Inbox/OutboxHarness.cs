using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Core.Outbox;

namespace TwitterAddon.Tests.Inbox;

/// <summary>Helpers for replies through the real outbox: start a conversation, send, wait for a status, read what X got.</summary>
public static class OutboxHarness
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> DmConversationAsync(this InboundHarness harness, string customer = "jane_doe", string text = "Where is my order?")
    {
        var before = (await harness.ConversationsAsync()).Count;
        await harness.CustomerDmAsync(customer, text);
        return await harness.WaitForConversationAsync(before);
    }

    public static async Task<(int ConversationId, string TweetId)> MentionConversationAsync(this InboundHarness harness, string customer = "jane_doe")
    {
        var before = (await harness.ConversationsAsync()).Count;
        var tweet = await harness.CustomerTweetAsync(customer, "@AcmeSupport my parcel is late");
        return (await harness.WaitForConversationAsync(before), tweet);
    }

    /// <param name="confirmedText">The final text a composer showed the agent; null sends without that check.</param>
    public static async Task<ReplyOutcome> ReplyAsync(
        this InboundHarness harness, int conversationId, string text, string agent = "John Doe", string? confirmedText = null)
    {
        using var scope = harness.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReplyService>().SendAsync(conversationId, text, agent, confirmedText, Ct);
    }

    /// <summary>Waits until the message reaches one of the statuses; fails with the status it is stuck in.</summary>
    public static async Task<Message> WaitForAsync(this InboundHarness harness, long messageId, params MessageStatus[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            await using var db = await harness.Contexts().CreateDbContextAsync(Ct);
            var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId, Ct);
            if (statuses.Contains(message.Status))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Message {messageId} is {message.Status} ({message.Error}), expected {string.Join(" or ", statuses)}.");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>What the account sent on the emulated X: DM texts and tweets.</summary>
    public static Task<(List<JsonNode> DirectMessages, List<JsonNode> Tweets)> SentOnXAsync(this InboundHarness harness) => harness.X.SentOnXAsync();

    public static Task SetFaultsAsync(this InboundHarness harness, object plan) => harness.X.SetFaultsAsync(plan);

    public static Task SetMentionTogglesAsync(this InboundHarness harness, bool dmDeepLink, bool agentInitial) =>
        PortalChanges.SetMentionTogglesAsync(harness.Services, dmDeepLink, agentInitial);

    private static async Task<int> WaitForConversationAsync(this InboundHarness harness, int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var conversations = await harness.ConversationsAsync();
            if (conversations.Count > before)
            {
                return conversations[^1].Id;
            }

            Assert.True(DateTime.UtcNow < deadline, "The customer's message did not reach the inbox.");
            await Task.Delay(30, Ct);
        }
    }
}
