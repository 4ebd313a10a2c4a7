namespace TwitterAddon.Core.Inbound;

/// <summary>One thing an Account Activity payload says happened, read from X's JSON by <see cref="ActivityPayloadReader"/>.</summary>
public abstract record InboundItem;

/// <summary>A person as X describes them in a DM's <c>users</c> map or a tweet's <c>user</c>.</summary>
public sealed record XPerson(string Id, string Name, string ScreenName, string? ProfileImageUrl);

public sealed record DirectMessageItem(
    string EventId, string SenderId, string RecipientId, string Text, DateTimeOffset At, XPerson? Sender, XPerson? Recipient) : InboundItem;

/// <summary>A tweet, with the text the agent sees: the full text without the leading reply mentions.</summary>
public sealed record TweetItem(
    string TweetId,
    XPerson Author,
    string Text,
    DateTimeOffset At,
    string? InReplyToStatusId,
    string? InReplyToUserId,
    IReadOnlyList<string> MentionedUserIds,
    string? QuotedAuthorId,
    bool IsRetweet,
    bool AuthorIsBlocked) : InboundItem
{
    /// <summary>The mentions the author wrote in the displayed text (not the reply's leading ones X adds).</summary>
    public IReadOnlyList<string> ExplicitMentionIds { get; init; } = MentionedUserIds;

    /// <summary>The tweet this one quotes: a quote of a tweet in a conversation joins that conversation.</summary>
    public string? QuotedStatusId { get; init; }
}

/// <summary><c>user_event.revoke</c>: the user took the app's access away; X deletes the subscription itself.</summary>
public sealed record RevokeItem(string UserId) : InboundItem;

/// <summary>An event the add-on records but does not act on (typing, read receipts, likes, follows...).</summary>
public sealed record NoticeItem(string What) : InboundItem;
