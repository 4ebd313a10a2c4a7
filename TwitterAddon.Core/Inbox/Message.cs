using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// One DM or tweet in a conversation. <see cref="XId"/> (the DM event id or tweet id_str) is unique: X's
/// duplicate deliveries and the echoes of our own sends can never become a second message. An agent's reply
/// moves Queued → Sending → Sent → Delivered (or Failed) only through the methods below.
/// </summary>
public sealed class Message
{
    public const int MaxTextLength = 10_000;

    /// <summary>
    /// The longest text kept of what X delivers, the Text column's size (a DM has 10,000 characters at most; a long post,
    /// rarer, up to 25,000 and is cut here): more is cut.
    /// </summary>
    public const int MaxStoredTextLength = MaxTextLength * 2;

    private Message()
    {
    }

    public long Id { get; private set; }

    public int ConversationId { get; private set; }

    public Conversation Conversation { get; internal set; } = default!;

    public MessageDirection Direction { get; private set; }

    public string? XId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Who wrote it on X: the customer, another person in a thread, or the account itself.</summary>
    public int? AuthorContactId { get; private set; }

    public Contact? AuthorContact { get; private set; }

    /// <summary>The agent who wrote an outbound reply; null when it was sent from X's own app.</summary>
    public string? AgentName { get; private set; }

    /// <summary>For a mention reply: the customer tweet it answers.</summary>
    public string? InReplyToTweetId { get; private set; }

    /// <summary>
    /// For a customer's post: it mentions the account in its own words or quotes it, so X's reply rule (self-serve
    /// access) allows answering it. Null when not known.
    /// </summary>
    public bool? SummonsAccount { get; private set; }

    public MessageStatus Status { get; private set; }

    /// <summary>X's reason for a failed send, or why it waits, in words an agent can act on.</summary>
    public string? Error { get; private set; }

    /// <summary>How many times the outbox handed it to X.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>When X says it happened (inbound, echoes) or when the agent pressed Send.</summary>
    public DateTimeOffset At { get; private set; }

    public bool IsOutbound => Direction == MessageDirection.Outbound;

    /// <summary>A customer's DM or tweet, as X delivered it.</summary>
    public static Message FromCustomer(
        string xId, string text, DateTimeOffset at, Contact author, string? inReplyToTweetId = null, bool? summonsAccount = null) => new()
    {
        Direction = MessageDirection.Inbound, XId = xId, Text = TextCut.ToLength(text, MaxStoredTextLength), At = at, Status = MessageStatus.Received,
        AuthorContact = author, InReplyToTweetId = inReplyToTweetId, SummonsAccount = summonsAccount,
    };

    /// <summary>Something the account sent from X's own app (or another tool): on X already, not ours to send.</summary>
    public static Message SentElsewhere(string xId, string text, DateTimeOffset at, string? inReplyToTweetId) => new()
    {
        Direction = MessageDirection.Outbound, XId = xId, Text = TextCut.ToLength(text, MaxStoredTextLength), At = at, Status = MessageStatus.Delivered,
        InReplyToTweetId = inReplyToTweetId,
    };

    /// <summary>An agent's reply, queued for the outbox.</summary>
    public static Message Reply(string text, string agentName, string? inReplyToTweetId, DateTimeOffset at) => new()
    {
        Direction = MessageDirection.Outbound, Text = text, AgentName = agentName, InReplyToTweetId = inReplyToTweetId,
        At = at, Status = MessageStatus.Queued,
    };

    /// <summary>
    /// The outbox hands it to X now. Recorded before the call: found "sending" later, the outcome of this attempt
    /// is unknown (a timeout, or the host died mid-call). Returns true when an earlier attempt's outcome is unknown.
    /// </summary>
    public bool BeginAttempt(DateTimeOffset now, TimeSpan outcomeUnknownWait)
    {
        RequireOutbound(MessageStatus.Queued, MessageStatus.Sending);
        var resend = Status == MessageStatus.Sending;
        (Status, NextAttemptAt) = (MessageStatus.Sending, now + outcomeUnknownWait);
        Attempts++;
        return resend;
    }

    /// <summary>X accepted it and gave its id. An echo that came first (<paramref name="echoSeen"/>) makes it delivered.</summary>
    public void RecordSent(string xId, bool echoSeen)
    {
        XId = xId;
        (Error, NextAttemptAt) = (null, null);
        Status = echoSeen || Status == MessageStatus.Delivered ? MessageStatus.Delivered : MessageStatus.Sent;
    }

    /// <summary>X refused the same text again (187) after an attempt whose outcome was unknown: that attempt posted it.</summary>
    public void MarkPosted() => (Status, Error, NextAttemptAt) = (MessageStatus.Sent, null, null);

    /// <summary>Its echo came back from X: it is on X for sure (even after a send that looked failed).</summary>
    public void ConfirmDelivered(string? xId = null)
    {
        XId ??= xId;
        (Status, Error, NextAttemptAt) = (MessageStatus.Delivered, null, null);
    }

    /// <summary>Try again at <paramref name="at"/>; with an unknown outcome it stays "sending" so it is reconciled first.</summary>
    public void ScheduleRetry(DateTimeOffset at, bool outcomeUnknown, string note) =>
        (Status, NextAttemptAt, Error) = (outcomeUnknown ? MessageStatus.Sending : MessageStatus.Queued, at, note);

    /// <summary>X's rate limit (429): X did not take it, so the attempt does not count.</summary>
    public void WaitForRateLimit(DateTimeOffset until)
    {
        (Status, NextAttemptAt) = (MessageStatus.Queued, until);
        Attempts--;
    }

    /// <summary>Sending stopped for the whole account (326, 89): not the reply's fault; it waits, queued, for an admin.</summary>
    public void WaitForResume(string reason)
    {
        (Status, Error, NextAttemptAt) = (MessageStatus.Queued, "Waiting: " + reason, null);
        Attempts--;
    }

    public void Fail(string reason) => (Status, Error, NextAttemptAt) = (MessageStatus.Failed, reason, null);

    /// <summary>The agent's Retry: a failed reply is queued again, from a fresh attempt count. False for any other.</summary>
    public bool Retry()
    {
        if (!IsOutbound || Status != MessageStatus.Failed)
        {
            return false;
        }

        (Status, Error, Attempts, NextAttemptAt) = (MessageStatus.Queued, null, 0, null);
        return true;
    }

    private void RequireOutbound(params MessageStatus[] statuses)
    {
        if (!IsOutbound || !statuses.Contains(Status))
        {
            throw new InvalidOperationException($"A {Direction} message that is {Status} cannot be sent.");
        }
    }
}
