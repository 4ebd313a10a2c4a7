using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>The inbox list's filters: channel kind, open or resolved, unread only, and a search over name, @handle and text.</summary>
public sealed record ConversationFilter(
    ChannelKind? Kind = null, ConversationStatus? Status = ConversationStatus.Open, bool UnreadOnly = false, string? Search = null)
{
    /// <summary>The longest search the inbox runs (<see cref="ConversationFilterValidator"/>).</summary>
    public const int SearchMaxLength = 100;

    /// <summary>
    /// Whether the list shows this row under the filters but the search: what the list's query tests in SQL, tested on
    /// one row already read (a conversation needs an agent when a customer message is unread or a reply failed).
    /// </summary>
    public bool Admits(ConversationListItem row) =>
        (Kind is null || row.Kind == Kind)
        && (Status is null || row.Status == Status)
        && (!UnreadOnly || row.UnreadCount > 0 || row.HasFailedReply);
}
