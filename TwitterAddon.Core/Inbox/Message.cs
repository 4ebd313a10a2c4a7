namespace TwitterAddon.Core.Inbox;

/// <summary>
/// One DM or tweet in a conversation. <see cref="XId"/> (the DM event id or tweet id_str) is unique: X's
/// duplicate deliveries and the echoes of our own sends can never become a second message.
/// </summary>
public sealed class Message
{
    public const int MaxTextLength = 10_000;

    public long Id { get; set; }

    public int ConversationId { get; set; }

    public Conversation Conversation { get; set; } = default!;

    public MessageDirection Direction { get; set; }

    public string? XId { get; set; }

    public required string Text { get; set; }

    /// <summary>Who wrote it on X: the customer, another person in a thread, or the account itself.</summary>
    public int? AuthorContactId { get; set; }

    public Contact? AuthorContact { get; set; }

    /// <summary>The agent who wrote an outbound reply; null when it was sent from X's own app.</summary>
    public string? AgentName { get; set; }

    /// <summary>For a mention reply: the customer tweet it answers.</summary>
    public string? InReplyToTweetId { get; set; }

    public MessageStatus Status { get; set; }

    /// <summary>X's reason for a failed send, in words an agent can act on.</summary>
    public string? Error { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When X says it happened (inbound, echoes) or when the agent pressed Send.</summary>
    public DateTimeOffset At { get; set; }
}
