using TwitterAddon.Core.Text;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// A DM conversation with one customer, or a public thread of tweets (keyed by its root tweet). Unique per
/// account by <see cref="ThreadKey"/>, so two workers can never open the same conversation twice.
/// </summary>
public sealed class Conversation
{
    public const int PreviewLength = 140;

    private Conversation()
    {
    }

    public int Id { get; private set; }

    public string AccountUserId { get; private set; } = "";

    public ChannelKind Kind { get; private set; }

    /// <summary>"dm:&lt;customer id&gt;" or "thread:&lt;root tweet id&gt;".</summary>
    public string ThreadKey { get; private set; } = "";

    /// <summary>The channel that took the last message; null once that channel is deleted.</summary>
    public int? ChannelId { get; private set; }

    public int ContactId { get; private set; }

    public Contact Contact { get; private set; } = default!;

    /// <summary>The tweet that started a mention thread, for the link to X.</summary>
    public string? RootTweetId { get; private set; }

    public ConversationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    public string LastMessagePreview { get; private set; } = "";

    /// <summary>Customer messages since an agent last opened the conversation.</summary>
    public int UnreadCount { get; private set; }

    public List<Message> Messages { get; private set; } = [];

    public static Conversation StartDirectMessage(string accountUserId, Contact customer, DateTimeOffset at) =>
        Start(accountUserId, ChannelKind.DirectMessage, DirectMessageKey(customer.XUserId), customer, null, at);

    /// <summary>A public thread rooted at <paramref name="rootTweetId"/> (the customer's tweet, or the account's tweet it answers).</summary>
    public static Conversation StartThread(string accountUserId, string rootTweetId, Contact customer, DateTimeOffset at) =>
        Start(accountUserId, ChannelKind.Mention, ThreadKeyOf(rootTweetId), customer, rootTweetId, at);

    public static string DirectMessageKey(string customerId) => "dm:" + customerId;

    public static string ThreadKeyOf(string rootTweetId) => "thread:" + rootTweetId;

    public static string Preview(string text) =>
        text.Length <= PreviewLength ? text : TextCut.ToLength(text, PreviewLength).TrimEnd() + "\u2026";

    /// <summary>The channel that took its latest message.</summary>
    public void RouteTo(int? channelId) => ChannelId = channelId;

    /// <summary>
    /// A message arrived from X (the customer's, or an echo of the account's). The list shows the newest one;
    /// a customer writing again reopens a resolved conversation and counts as unread.
    /// </summary>
    public void Add(Message message)
    {
        message.Conversation = this;
        // An older message arriving late keeps the newer preview.
        if (message.At >= LastMessageAt)
        {
            (LastMessageAt, LastMessagePreview) = (message.At, Preview(message.Text));
        }

        if (!message.IsOutbound)
        {
            Status = ConversationStatus.Open;
            UnreadCount++;
        }
    }

    /// <summary>An agent replied: the reply is the newest message, and the agent has read what came before.</summary>
    public void AddReply(Message reply)
    {
        reply.Conversation = this;
        (LastMessageAt, LastMessagePreview, UnreadCount) = (reply.At, Preview(reply.Text), 0);
    }

    /// <summary>An agent opened it: its unread badge goes. False when there was nothing unread.</summary>
    public bool MarkRead()
    {
        var hadUnread = UnreadCount > 0;
        UnreadCount = 0;
        return hadUnread;
    }

    public void Resolve() => Status = ConversationStatus.Resolved;

    public void Reopen() => Status = ConversationStatus.Open;

    private static Conversation Start(string accountUserId, ChannelKind kind, string threadKey, Contact customer, string? rootTweetId, DateTimeOffset at) => new()
    {
        AccountUserId = accountUserId, Kind = kind, ThreadKey = threadKey, Contact = customer, RootTweetId = rootTweetId,
        Status = ConversationStatus.Open, CreatedAt = at, LastMessageAt = at,
    };
}
