using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>The inbox list's filters: channel kind, open or resolved, unread only, and a search over name, @handle and text.</summary>
public sealed record ConversationFilter(
    ChannelKind? Kind = null, ConversationStatus? Status = ConversationStatus.Open, bool UnreadOnly = false, string? Search = null)
{
    /// <summary>The longest search the inbox runs (<see cref="ConversationFilterValidator"/>).</summary>
    public const int SearchMaxLength = 100;
}
