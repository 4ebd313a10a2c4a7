using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The classification rules of x-api.md 4.5 (me = the account): customer DMs and tweets that mention, reply
/// to or quote the account become messages; the account's own DMs and tweets are echoes, matched to what we
/// sent or recorded as outgoing, never answered. Everything else is recorded with the reason it was left out.
/// </summary>
/// <param name="source">How the event came: a customer's DM is taken only from the source its channel's inbound type names.</param>
internal sealed class InboundClassifier(InboxBatch inbox, DateTimeOffset now, InboundSource source)
{
    public async Task<ItemOutcome> ApplyAsync(InboundItem item, CancellationToken cancellationToken) => item switch
    {
        DirectMessageItem dm => await DirectMessageAsync(dm, cancellationToken),
        TweetItem tweet => await TweetAsync(tweet, cancellationToken),
        NoticeItem notice => ItemOutcome.Ignored($"{notice.What}: recorded, nothing to do."),
        _ => ItemOutcome.Ignored("Not an event the add-on handles."),
    };

    private async Task<ItemOutcome> DirectMessageAsync(DirectMessageItem dm, CancellationToken cancellationToken)
    {
        if (await inbox.FindMessageAsync(dm.EventId, cancellationToken) is { } known)
        {
            return Known(known, "DM");
        }

        var fromAccount = dm.SenderId == inbox.AccountUserId;
        var customerId = fromAccount ? dm.RecipientId : dm.SenderId;
        // The account's own DMs (echoes) are X's to confirm, whatever the channel's inbound type.
        var route = await inbox.RouteAsync(ChannelKind.DirectMessage, cancellationToken, deliveredBy: fromAccount ? null : source);
        if (!route.Accepted)
        {
            return ItemOutcome.Ignored(route.IgnoredBecause!);
        }

        var customer = await inbox.ContactAsync(customerId, fromAccount ? dm.Recipient : dm.Sender, now, cancellationToken);
        var conversation = await inbox.DirectMessageConversationAsync(customer, dm.At, cancellationToken);
        conversation.RouteTo(route.ChannelId);
        if (fromAccount)
        {
            return await EchoAsync(conversation, dm.EventId, dm.Text, dm.At, null, "DM", cancellationToken);
        }

        inbox.Add(conversation, Message.FromCustomer(dm.EventId, dm.Text, dm.At, customer));
        return ItemOutcome.Processed($"DM from @{customer.ScreenName}.");
    }

    private async Task<ItemOutcome> TweetAsync(TweetItem tweet, CancellationToken cancellationToken)
    {
        if (tweet.IsRetweet)
        {
            return ItemOutcome.Ignored("Retweet: not a conversation.");
        }

        if (await inbox.FindMessageAsync(tweet.TweetId, cancellationToken) is { } known)
        {
            return Known(known, "Tweet");
        }

        var parent = tweet.InReplyToStatusId is { } parentId ? await inbox.FindMessageAsync(parentId, cancellationToken) : null;
        var me = inbox.AccountUserId;
        // A quote of the account's reply continues that reply's conversation (another customer's tweet quoted does not:
        // its conversation is someone else's).
        var quoted = parent is null && tweet.QuotedStatusId is { } quotedId && await inbox.FindMessageAsync(quotedId, cancellationToken) is { IsOutbound: true } q
            && q.Conversation.AccountUserId == me ? q : null;
        if (tweet.Author.Id == me)
        {
            return await OwnTweetAsync(tweet, parent, cancellationToken);
        }

        var quotesAccount = tweet.QuotedAuthorId == me || quoted is not null;
        var involvesAccount = tweet.InReplyToUserId == me || tweet.MentionedUserIds.Contains(me) || quotesAccount || parent is not null || quoted is not null;
        if (!involvesAccount)
        {
            return ItemOutcome.Ignored("Tweet that does not mention, reply to or quote the account.");
        }

        if (tweet.AuthorIsBlocked)
        {
            return ItemOutcome.Ignored($"Tweet from @{tweet.Author.ScreenName}, whom the account has blocked.");
        }

        var route = await inbox.RouteAsync(ChannelKind.Mention, cancellationToken);
        if (!route.Accepted)
        {
            return ItemOutcome.Ignored(route.IgnoredBecause!);
        }

        var author = await inbox.ContactAsync(tweet.Author.Id, tweet.Author, now, cancellationToken);
        // One conversation per thread: the thread of the tweet it answers, else a new one rooted here
        // (or at the account's tweet it replies to, which the inbox has not seen).
        var conversation = parent?.Conversation ?? quoted?.Conversation
            ?? await inbox.ThreadAsync(tweet.InReplyToStatusId ?? tweet.TweetId, author, tweet.At, cancellationToken);
        conversation.RouteTo(route.ChannelId);
        var summons = tweet.ExplicitMentionIds.Contains(me) || quotesAccount;
        inbox.Add(conversation, Message.FromCustomer(tweet.TweetId, tweet.Text, tweet.At, author, tweet.InReplyToStatusId, summons));
        return ItemOutcome.Processed($"Mention from @{author.ScreenName}.");
    }

    private async Task<ItemOutcome> OwnTweetAsync(TweetItem tweet, Message? parent, CancellationToken cancellationToken)
    {
        if (parent is null)
        {
            return ItemOutcome.Ignored("The account's own tweet, outside any conversation.");
        }

        var route = await inbox.RouteAsync(ChannelKind.Mention, cancellationToken);
        if (!route.Accepted)
        {
            return ItemOutcome.Ignored(route.IgnoredBecause!);
        }

        return await EchoAsync(parent.Conversation, tweet.TweetId, tweet.Text, tweet.At, tweet.InReplyToStatusId, "Tweet", cancellationToken);
    }

    /// <summary>Our own send coming back: the outbox reply it confirms, or one sent from X's app, recorded.</summary>
    private async Task<ItemOutcome> EchoAsync(
        Conversation conversation, string xId, string text, DateTimeOffset at, string? inReplyTo, string what, CancellationToken cancellationToken)
    {
        if (EchoMatcher.Match(await inbox.RepliesAwaitingIdAsync(conversation, cancellationToken), text, inReplyTo) is { } reply)
        {
            inbox.Confirm(conversation, reply, xId);
            return ItemOutcome.Processed($"{what} echo: our reply is on X.");
        }

        inbox.Add(conversation, Message.SentElsewhere(xId, text, at, inReplyTo));
        return ItemOutcome.Processed($"{what} the account sent from elsewhere, recorded as outgoing.");
    }

    /// <summary>The id is already in the inbox: our own send's echo (now delivered), or X delivering again.</summary>
    private static ItemOutcome Known(Message message, string what)
    {
        if (message.IsOutbound && message.Status is MessageStatus.Sent or MessageStatus.Sending)
        {
            message.ConfirmDelivered();
            return ItemOutcome.Processed($"{what} echo: our reply is on X.");
        }

        return ItemOutcome.Ignored($"Duplicate: {what} {message.XId} is already in the inbox.");
    }
}
