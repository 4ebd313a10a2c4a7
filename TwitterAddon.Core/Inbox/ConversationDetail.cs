using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>The open conversation: who, where, the whole thread, and how a reply will be posted.</summary>
public sealed record ConversationDetail(
    int Id,
    ChannelKind Kind,
    ConversationStatus Status,
    int UnreadCount,
    Contact Contact,
    string? ChannelName,
    string? ChannelIconUrl,
    string? TweetUrl,
    IReadOnlyList<ThreadMessage> Messages,
    string AccountUserId,
    bool DmDeepLink,
    bool AgentInitial,
    string? SendingStoppedReason,
    string? ReplyRuleNote = null,
    IReadOnlyList<OtherConversation>? OtherConversations = null)
{
    /// <summary>Why the agent cannot reply now, if they cannot: sending stopped for the account, or X's reply rule.</summary>
    public string? CannotReplyBecause => SendingStoppedReason ?? ReplyRuleNote;
}

/// <summary>Another conversation of the same customer, as the open one links it: what it is and where it stands.</summary>
public sealed record OtherConversation(int Id, ChannelKind Kind, string Preview, DateTimeOffset LastMessageAt, int UnreadCount);

/// <summary>A message as the thread shows it, with who wrote it.</summary>
public sealed record ThreadMessage(
    long Id,
    MessageDirection Direction,
    string Text,
    DateTimeOffset At,
    MessageStatus Status,
    string? Error,
    string? AgentName,
    string? AuthorName,
    string? AuthorScreenName,
    string? XId);
