using System.Linq.Expressions;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// One row of the conversation list; <see cref="HasFailedReply"/> when a reply in it failed and no reply has gone out
/// since (a later reply that reached X answers the customer, and X's refusal may be for good: closed DMs, say).
/// </summary>
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
    ConversationStatus Status,
    bool HasFailedReply = false)
{
    /// <summary>The row as one query reads it (the failed-reply test is a lookup on the messages' status index).</summary>
    public static readonly Expression<Func<Conversation, ConversationListItem>> Of = c => new ConversationListItem(
        c.Id, c.Kind, c.ChannelId, c.Contact.Name, c.Contact.ScreenName, c.Contact.ProfileImageUrl,
        c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.Status,
        c.Messages.Any(m => m.Status == MessageStatus.Failed
            && !c.Messages.Any(later => later.Id > m.Id && (later.Status == MessageStatus.Sent || later.Status == MessageStatus.Delivered))));
}

/// <summary>A page of the list; <see cref="HasMore"/> when older conversations follow; <see cref="Refused"/> says why a filter was not run.</summary>
/// <param name="Refused">Why the filter was not run (a search too long).</param>
/// <param name="Note">What the agent should know of the results (a search that read only the newest matches).</param>
public sealed record ConversationPage(IReadOnlyList<ConversationListItem> Items, bool HasMore, string? Refused = null, string? Note = null);
