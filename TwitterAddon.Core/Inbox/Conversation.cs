using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// A DM conversation with one customer, or a public thread of tweets (keyed by its root tweet). Unique per
/// account by <see cref="ThreadKey"/>, so two workers can never open the same conversation twice.
/// </summary>
public sealed class Conversation
{
    public const int PreviewLength = 140;

    public int Id { get; set; }

    public required string AccountUserId { get; set; }

    public ChannelKind Kind { get; set; }

    /// <summary>"dm:&lt;customer id&gt;" or "thread:&lt;root tweet id&gt;".</summary>
    public required string ThreadKey { get; set; }

    /// <summary>The channel that took the last message; null once that channel is deleted.</summary>
    public int? ChannelId { get; set; }

    public int ContactId { get; set; }

    public Contact Contact { get; set; } = default!;

    /// <summary>The tweet that started a mention thread, for the link to X.</summary>
    public string? RootTweetId { get; set; }

    public ConversationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public string LastMessagePreview { get; set; } = "";

    /// <summary>Customer messages since an agent last opened the conversation.</summary>
    public int UnreadCount { get; set; }

    public List<Message> Messages { get; set; } = [];

    public static string DirectMessageKey(string customerId) => "dm:" + customerId;

    public static string ThreadKeyOf(string rootTweetId) => "thread:" + rootTweetId;

    public static string Preview(string text) =>
        text.Length <= PreviewLength ? text : text[..PreviewLength].TrimEnd() + "\u2026";
}
