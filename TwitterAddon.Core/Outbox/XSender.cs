using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// Posts a reply on the account's API generation: v1.1 <c>direct_messages/events/new</c> and <c>statuses/update</c>,
/// or v2 <c>/2/dm_conversations/with/:id/messages</c> and <c>/2/tweets</c>. The @handle of a mention reply is X's
/// to add on either; it is neither typed nor counted.
/// </summary>
public sealed class XSender(IXApi v1, IXApiV2 v2)
{
    /// <summary>How long before the agent's Send a DM in X's history may be dated (clocks differ) and still be this reply.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Sends the reply; returns X's id for it (the DM event id or the post id).</summary>
    public async Task<string> SendAsync(AccountTier tier, OAuthCredentials credentials, Message reply, CancellationToken cancellationToken)
    {
        var customer = reply.Conversation.Contact.XUserId;
        if (tier.UsesApiV2())
        {
            return reply.Conversation.Kind == ChannelKind.DirectMessage
                ? await v2.SendDirectMessageAsync(credentials, customer, reply.Text, cancellationToken)
                : await v2.PostReplyAsync(credentials, reply.Text, reply.InReplyToTweetId!, cancellationToken);
        }

        return reply.Conversation.Kind == ChannelKind.DirectMessage
            ? (await v1.SendDirectMessageAsync(credentials, customer, reply.Text, cancellationToken)).Id
                ?? throw new XApiException("X accepted the DM but sent no event id.")
            : (await v1.PostReplyAsync(credentials, reply.Text, reply.InReplyToTweetId!, cancellationToken)).IdStr;
    }

    /// <summary>
    /// A DM reply whose earlier send may have reached X (it timed out, or the host died mid-send): its event id when
    /// X's DM history holds it (the account's, same text, not older than the agent's Send, and not one the inbox
    /// already knows), else null and it may be sent again. X does not deduplicate DMs, so this look is what keeps a
    /// customer from getting the same answer twice: v1.1 <c>direct_messages/events/list</c>, v2 the conversation's
    /// <c>dm_events</c>.
    /// </summary>
    public async Task<string?> FindSentDirectMessageAsync(
        AccountTier tier, OAuthCredentials credentials, string accountUserId, Message reply, IReadOnlySet<string> knownIds, CancellationToken cancellationToken)
    {
        var notBefore = reply.At - ClockSkew;
        await foreach (var sent in HistoryAsync(tier, credentials, reply.Conversation.Contact.XUserId, notBefore, cancellationToken))
        {
            if (sent.SenderId == accountUserId && sent.Text == reply.Text && sent.At >= notBefore && !knownIds.Contains(sent.Id))
            {
                return sent.Id;
            }
        }

        return null;
    }

    private async IAsyncEnumerable<SentDirectMessage> HistoryAsync(
        AccountTier tier, OAuthCredentials credentials, string customerId, DateTimeOffset notBefore,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (tier.UsesApiV2())
        {
            foreach (var sent in await v2.ListDirectMessagesWithAsync(credentials, customerId, cancellationToken))
            {
                var at = DateTimeOffset.TryParse(sent.CreatedAt, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var created) ? created : DateTimeOffset.MaxValue;
                yield return new SentDirectMessage(sent.Id, sent.SenderId, sent.Text, at);
            }

            yield break;
        }

        // v1.1 lists every DM of the account, newest first, 50 a page: read back to the agent's Send, a few pages at most
        // (X allows 15 calls in 15 minutes).
        string? cursor = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var list = await v1.ListDirectMessageEventsAsync(credentials, cursor, cancellationToken);
            var oldest = DateTimeOffset.MaxValue;
            foreach (var e in list.Events ?? [])
            {
                var at = long.TryParse(e.CreatedTimestamp, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MaxValue;
                oldest = at < oldest ? at : oldest;
                if (e.Id is { } id && e.MessageCreate.Target.RecipientId == customerId)
                {
                    yield return new SentDirectMessage(id, e.MessageCreate.SenderId, e.MessageCreate.MessageData.Text, at);
                }
            }

            if (list.NextCursor is not { Length: > 0 } next || oldest < notBefore)
            {
                yield break;
            }

            cursor = next;
        }
    }

    private const int MaxHistoryPages = 4;

    private sealed record SentDirectMessage(string Id, string? SenderId, string? Text, DateTimeOffset At);
}
