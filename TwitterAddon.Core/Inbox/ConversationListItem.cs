using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>One row of the conversation list.</summary>
public sealed record ConversationListItem(
    int Id,
    ChannelKind Kind,
    int? ChannelId,
    string ContactName,
    string ContactScreenName,
    string? ContactAvatar,
    string Preview,
    DateTimeOffset LastMessageAt,
    int UnreadCount,
    ConversationStatus Status);

/// <summary>A page of the list; <see cref="HasMore"/> when older conversations follow; <see cref="Refused"/> says why a filter was not run.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationListItem> Items, bool HasMore, string? Refused = null);
