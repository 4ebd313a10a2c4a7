using TwitterAddon.Core.Persistence;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Inbound;

/// <summary>Customers act in the emulator; X's real deliveries reach the webhook and the inbox.</summary>
public class EmulatorToInboxTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync(provider: Provider);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task ACustomerDm_BecomesAnUnreadMessage_InOneConversationPerCustomer()
    {
        await harness.CustomerDmAsync("jane_doe", "My order #123 never arrived");
        await harness.CustomerDmAsync("jane_doe", "Any news?");
        await harness.CustomerDmAsync("budi_santoso", "Halo, paket saya belum sampai");

        var events = await harness.EventsAfterProcessingAsync(3);

        Assert.All(events, e => Assert.Equal(InboundEventStatus.Processed, e.Status));
        Assert.Equal(2, events.Count(e => e.Outcome == "DM from @jane_doe."));
        var conversations = await harness.ConversationsAsync();
        Assert.Equal(2, conversations.Count);
        var jane = conversations.Single(c => c.Contact.ScreenName == "jane_doe");
        Assert.Equal((ChannelKind.DirectMessage, "dm:1000000002", 2, "Any news?", ConversationStatus.Open),
            (jane.Kind, jane.ThreadKey, jane.UnreadCount, jane.LastMessagePreview, jane.Status));
        Assert.Equal("Jane Doe", jane.Contact.Name);
        Assert.StartsWith("data:image/svg+xml", jane.Contact.ProfileImageUrl);
        var messages = await harness.MessagesAsync();
        Assert.All(messages, m => Assert.Equal((MessageDirection.Inbound, MessageStatus.Received), (m.Direction, m.Status)));
    }

    [Fact]
    public async Task DuplicateDeliveries_MakeOneMessage()
    {
        using (await harness.Control.PutAsJsonAsync("faults", new { duplicate_deliveries = true }, Ct))
        {
        }

        await harness.CustomerDmAsync("jane_doe", "Sent once, delivered twice");
        var events = await harness.EventsAfterProcessingAsync(2);

        Assert.Single(await harness.MessagesAsync());
        Assert.Equal(InboundEventStatus.Ignored, events[1].Status);
        Assert.StartsWith("Duplicate: DM", events[1].Outcome);
    }

    [Fact]
    public async Task ADmTheAccountSentFromElsewhere_IsRecordedAsOutgoing_NeverAsACustomerMessage()
    {
        await harness.CustomerDmAsync("jane_doe", "Hello?");
        await harness.EventsAfterProcessingAsync(1);
        var x = harness.Services.GetRequiredService<IXApi>();

        var sent = await x.SendDirectMessageAsync(InboundHarness.AccountCredentials, "1000000002", "Hi Jane, looking into it", Ct);
        await harness.EventsAfterProcessingAsync(2);

        var messages = await harness.MessagesAsync();
        Assert.Equal(2, messages.Count);
        var echo = messages[1];
        Assert.Equal((MessageDirection.Outbound, MessageStatus.Delivered, sent.Id, (string?)null),
            (echo.Direction, echo.Status, echo.XId, echo.AgentName));
        Assert.Equal(messages[0].ConversationId, echo.ConversationId);
        Assert.Equal(1, (await harness.ConversationsAsync()).Single().UnreadCount);
    }

    [Fact]
    public async Task Mentions_RepliesAndQuotesOfOurReply_AreOneThread_TheAccountsTweetsAreOutgoing_RetweetsAreIgnored()
    {
        var mention = await harness.CustomerTweetAsync("jane_doe", "@AcmeSupport my parcel is late");
        var followUp = await harness.CustomerTweetAsync("jane_doe", "still waiting", inReplyTo: mention);
        var other = await harness.CustomerTweetAsync("budi_santoso", "@AcmeSupport halo");
        await harness.EventsAfterProcessingAsync(3);
        var reply = await harness.Services.GetRequiredService<IXApi>()
            .PostReplyAsync(InboundHarness.AccountCredentials, "Sorry Jane, we are on it", followUp, Ct);
        using (await harness.Control.PostAsJsonAsync("retweets", new { user = "yuki_tanaka", tweet_id = reply.IdStr }, Ct))
        {
        }

        var quote = await harness.CustomerTweetAsync("yuki_tanaka", "Great service", quoted: reply.IdStr);
        var events = await harness.EventsAfterProcessingAsync(6);

        // X does not promise delivery order: events and rows are looked up by id, not by position.
        Assert.Contains(events, e => e.Outcome == "Tweet the account sent from elsewhere, recorded as outgoing.");
        Assert.Contains(events, e => e.Outcome == "Retweet: not a conversation.");
        var conversations = await harness.ConversationsAsync();
        Assert.Equal(2, conversations.Count);
        var thread = conversations.Single(c => c.ThreadKey == "thread:" + mention);
        // The customers' three tweets are unread: the mention, its follow-up and the quote of our reply.
        Assert.Equal((mention, ChannelKind.Mention, 3), (thread.RootTweetId, thread.Kind, thread.UnreadCount));
        var messages = (await harness.MessagesAsync()).ToDictionary(m => m.XId!);
        Assert.Equal(new[] { mention, followUp, other, reply.IdStr, quote }.Order(), messages.Keys.Order());
        // The leading reply mention is outside display_text_range: the agent sees what the customer wrote.
        Assert.Equal("still waiting", messages[followUp].Text);
        Assert.Equal([thread.Id, thread.Id, thread.Id, thread.Id],
            new[] { messages[mention].ConversationId, messages[followUp].ConversationId, messages[reply.IdStr].ConversationId, messages[quote].ConversationId });
        Assert.Equal((MessageDirection.Outbound, "Sorry Jane, we are on it"), (messages[reply.IdStr].Direction, messages[reply.IdStr].Text));
        Assert.Equal(("yuki_tanaka", "Great service", true), (messages[quote].AuthorContact!.ScreenName, messages[quote].Text, messages[quote].SummonsAccount));
    }

    [Fact]
    public async Task ACustomersReplyToOurReply_InAResolvedReadThread_ReopensIt_Unread_AndUnderTheUnreadFilter()
    {
        var mention = await harness.CustomerTweetAsync("jane_doe", "@AcmeSupport my parcel is late");
        await harness.EventsAfterProcessingAsync(1);
        var reply = await harness.Services.GetRequiredService<IXApi>()
            .PostReplyAsync(InboundHarness.AccountCredentials, "Sorry Jane, it ships today", mention, Ct);
        await harness.EventsAfterProcessingAsync(2);
        using var scope = harness.Services.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
        var thread = Assert.Single(await harness.ConversationsAsync());
        await inbox.MarkReadAsync(thread.Id, seenUpTo: null, Ct);
        await inbox.SetStatusAsync(thread.Id, ConversationStatus.Resolved, Ct);

        await harness.CustomerTweetAsync("jane_doe", "it did not arrive", inReplyTo: reply.IdStr);
        await harness.EventsAfterProcessingAsync(3);

        thread = Assert.Single(await harness.ConversationsAsync());
        Assert.Equal((ConversationStatus.Open, 1), (thread.Status, thread.UnreadCount));
        var unread = await inbox.ListAsync(new ConversationFilter(UnreadOnly: true), 0, Ct);
        Assert.Equal([thread.Id], unread.Items.Select(i => i.Id));
        Assert.Equal(1, unread.Items[0].UnreadCount);
    }

    [Fact]
    public async Task ALongMention_ShowsTheFullTextFromExtendedTweet()
    {
        var text = "@AcmeSupport " + string.Join(" ", Enumerable.Repeat("the parcel", 20)) + " end";
        await harness.CustomerTweetAsync("jane_doe", text);

        await harness.EventsAfterProcessingAsync(1);

        Assert.Equal(text, Assert.Single(await harness.MessagesAsync()).Text);
    }

    [Fact]
    public async Task ADeactivatedChannel_IgnoresItsEvents_WithTheReason_AndCountsThem()
    {
        await harness.SetChannelActiveAsync(ChannelKind.DirectMessage, false);

        await harness.CustomerDmAsync("jane_doe", "Anyone there?");
        await harness.CustomerTweetAsync("jane_doe", "@AcmeSupport hello");
        var events = await harness.EventsAfterProcessingAsync(2);

        Assert.Equal(InboundEventStatus.Ignored, events.Single(e => e.Outcome == "The Direct Message channel is deactivated.").Status);
        var message = Assert.Single(await harness.MessagesAsync());
        Assert.Equal(ChannelKind.Mention, message.Conversation.Kind);
        using var scope = harness.Services.CreateScope();
        var channels = await scope.ServiceProvider.GetRequiredService<ChannelService>().ListAsync(Ct);
        Assert.Equal(1, channels.Single(c => c.Kind == ChannelKind.DirectMessage).IgnoredEvents);
    }

    [Fact]
    public async Task RevokingTheAppOnX_MarksTheAccountAccessRevoked()
    {
        using (await harness.Control.PatchAsJsonAsync("tokens/1000000001-sandboxaccesstoken", new { revoked = true }, Ct))
        {
        }

        var events = await harness.EventsAfterProcessingAsync(1);

        Assert.Equal("@AcmeSupport revoked the app's access on X.", events[0].Outcome);
        using var scope = harness.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<Core.Accounts.AccountService>().GetAsync(Ct);
        Assert.True(account!.AccessRevoked);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class EmulatorToInboxTestsOnPostgreSql : EmulatorToInboxTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
