using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// Which of our replies an echo from X confirms: the account's own DM or tweet came back through the webhook,
/// and one of the conversation's replies still waits for its X id. Same text first (the surest sign), then the
/// same tweet answered, then the oldest one in flight; none means the account sent it from elsewhere.
/// </summary>
public static class EchoMatcher
{
    /// <param name="waiting">The conversation's outbound replies without an X id, oldest first.</param>
    public static Message? Match(IReadOnlyList<Message> waiting, string echoText, string? echoInReplyTo)
    {
        var candidates = waiting.Where(m => m.IsOutbound && m.XId is null
            && m.Status is MessageStatus.Sending or MessageStatus.Sent or MessageStatus.Failed).ToList();
        return candidates.FirstOrDefault(m => m.Text == echoText)
            ?? candidates.FirstOrDefault(m => echoInReplyTo is not null && m.InReplyToTweetId == echoInReplyTo)
            ?? candidates.FirstOrDefault(m => m.Status is MessageStatus.Sending or MessageStatus.Sent);
    }
}
