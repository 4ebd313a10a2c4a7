using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>The inbox list's filters: channel kind, open or resolved, unread only, and a search over name, @handle and text.</summary>
public sealed record ConversationFilter(
    ChannelKind? Kind = null, ConversationStatus? Status = ConversationStatus.Open, bool UnreadOnly = false, string? Search = null);
