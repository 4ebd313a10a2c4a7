using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// The replies due to be sent now, oldest first: queued or sending (an attempt whose outcome is unknown), their retry
/// time come, their account's sending not stopped. The outbox sends them; the work-queue monitor times the oldest.
/// </summary>
public static class DueReplies
{
    public static IQueryable<Message> Of(IQueryable<Message> messages, DateTimeOffset now, IReadOnlyCollection<string> stoppedAccounts) =>
        messages.Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending)
                && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && !stoppedAccounts.Contains(m.Conversation.AccountUserId))
            .OrderBy(m => m.Id);

    /// <summary>The test of <see cref="Of"/> but the account's, on one reply already read: is it due now?</summary>
    public static bool IsDue(Message message, DateTimeOffset now) =>
        message.Status is MessageStatus.Queued or MessageStatus.Sending && (message.NextAttemptAt is null || message.NextAttemptAt <= now);
}
