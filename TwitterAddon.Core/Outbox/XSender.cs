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

    /// <summary>On v2 X keeps the DM history: an unknown outcome is settled by looking, not by waiting for the echo.</summary>
    public static bool LooksUpDirectMessages(AccountTier tier) => tier.UsesApiV2();

    /// <summary>
    /// A DM reply whose earlier send timed out: its event id when X's history holds it (the account's, same text, not
    /// older than the agent's Send, and not one the inbox already knows), else null and it may be sent again.
    /// </summary>
    public async Task<string?> FindSentDirectMessageAsync(
        OAuthCredentials credentials, string accountUserId, Message reply, IReadOnlySet<string> knownIds, CancellationToken cancellationToken)
    {
        foreach (var sent in await v2.ListDirectMessagesWithAsync(credentials, reply.Conversation.Contact.XUserId, cancellationToken))
        {
            var at = DateTimeOffset.TryParse(sent.CreatedAt, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var created) ? created : reply.At;
            if (sent.SenderId == accountUserId && sent.Text == reply.Text && at >= reply.At - ClockSkew && !knownIds.Contains(sent.Id))
            {
                return sent.Id;
            }
        }

        return null;
    }
}
