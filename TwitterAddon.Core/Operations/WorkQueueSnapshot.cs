namespace TwitterAddon.Core.Operations;

/// <summary>
/// What waits for the workers, as read at <see cref="ReadAt"/>: inbound events not yet processed, replies by outbox
/// state, and the oldest of each that should already have been done (a reply held by a stopped account or waiting for
/// its retry time is not late).
/// </summary>
public sealed record WorkQueueSnapshot(
    DateTimeOffset ReadAt,
    int EventsWaiting,
    DateTimeOffset? OldestEventReceivedAt,
    int RepliesQueued,
    int RepliesSending,
    int RepliesFailed,
    DateTimeOffset? OldestDueReplyAt)
{
    public TimeSpan OldestEventAge => Age(OldestEventReceivedAt);

    public TimeSpan OldestDueReplyAge => Age(OldestDueReplyAt);

    private TimeSpan Age(DateTimeOffset? since) => since is { } at && at < ReadAt ? ReadAt - at : TimeSpan.Zero;
}
