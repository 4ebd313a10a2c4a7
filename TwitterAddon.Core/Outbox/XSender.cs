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
    /// A DM reply whose earlier send may have reached X (it timed out, or the host died mid-send): what X's DM history
    /// says. Found: the account's DM with the same text, not older than the agent's Send, and not one the inbox already
    /// knows. Not found: the history was read back past the agent's Send, so it may be sent again. Unclear: the history
    /// could not be read that far; the reply must stay unsent until it can. X does not deduplicate DMs, so this look is
    /// what keeps a customer from getting the same answer twice: v1.1 <c>direct_messages/events/list</c>, v2 the
    /// conversation's <c>dm_events</c>.
    /// </summary>
    public async Task<DmHistoryAnswer> FindSentDirectMessageAsync(
        AccountTier tier, OAuthCredentials credentials, string accountUserId, Message reply, IReadOnlySet<string> knownIds, CancellationToken cancellationToken)
    {
        var notBefore = reply.At - ClockSkew;
        var (history, complete) = tier.UsesApiV2()
            ? await V2HistoryAsync(credentials, reply.Conversation.Contact.XUserId, cancellationToken)
            : await V1HistoryAsync(credentials, reply.Conversation.Contact.XUserId, notBefore, cancellationToken);
        var found = history.FirstOrDefault(sent =>
            sent.SenderId == accountUserId && sent.Text == reply.Text && sent.At >= notBefore && !knownIds.Contains(sent.Id));
        return found is not null ? new DmHistoryAnswer(found.Id, true)
            : new DmHistoryAnswer(null, complete || history.Any(sent => sent.At < notBefore));
    }

    private async Task<(List<SentDirectMessage> History, bool Complete)> V2HistoryAsync(
        OAuthCredentials credentials, string customerId, CancellationToken cancellationToken)
    {
        var events = await v2.ListDirectMessagesWithAsync(credentials, customerId, cancellationToken);
        var history = events.Select(sent => new SentDirectMessage(sent.Id, sent.SenderId, sent.Text,
            DateTimeOffset.TryParse(sent.CreatedAt, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var created) ? created : DateTimeOffset.MaxValue)).ToList();
        // One page of up to 100: fewer means the whole conversation was read.
        return (history, events.Count < V2PageSize);
    }

    /// <summary>v1.1 lists every DM of the account, newest first, 50 a page: read back to the agent's Send, a few pages at most (X allows 15 calls in 15 minutes).</summary>
    private async Task<(List<SentDirectMessage> History, bool Complete)> V1HistoryAsync(
        OAuthCredentials credentials, string customerId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var history = new List<SentDirectMessage>();
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
                    // X shortens links to t.co in what it lists; the reply was written with the addresses themselves.
                    history.Add(new SentDirectMessage(id, e.MessageCreate.SenderId, e.MessageCreate.MessageData.ExpandedText, at));
                }
            }

            if (list.NextCursor is not { Length: > 0 } next || oldest < notBefore)
            {
                return (history, true);
            }

            cursor = next;
        }

        return (history, false);
    }

    private const int MaxHistoryPages = 4;

    private const int V2PageSize = 100;

    private sealed record SentDirectMessage(string Id, string? SenderId, string? Text, DateTimeOffset At);
}

/// <summary>What X's DM history says of a reply: its DM event id when it is there; <see cref="Conclusive"/> false when the history could not be read far enough to tell.</summary>
public sealed record DmHistoryAnswer(string? FoundId, bool Conclusive);
