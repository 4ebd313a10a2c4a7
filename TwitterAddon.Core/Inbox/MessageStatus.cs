namespace TwitterAddon.Core.Inbox;

/// <summary>Where a message stands. Inbound messages are <see cref="Received"/>; outbound ones move through the outbox.</summary>
public enum MessageStatus
{
    Received,

    /// <summary>Saved, waiting for the outbox worker.</summary>
    Queued,

    /// <summary>Handed to X; the outcome is not known yet (or was lost to a timeout).</summary>
    Sending,

    /// <summary>X accepted it and gave it an id.</summary>
    Sent,

    /// <summary>Its echo came back through the webhook: it is on X for sure.</summary>
    Delivered,

    /// <summary>X refused it for good; <see cref="Message.Error"/> says why, and the agent can retry.</summary>
    Failed,
}
