namespace TwitterAddon.Core.Webhooks;

public enum InboundEventStatus
{
    /// <summary>Stored and acknowledged, not processed yet.</summary>
    Pending,

    /// <summary>Something entered the inbox (or an echo matched our send).</summary>
    Processed,

    /// <summary>Deliberately left out: a retweet, a typing indicator, an inactive channel, a duplicate.</summary>
    Ignored,

    /// <summary>Could not be read (malformed JSON, missing fields); kept with the reason for the admin.</summary>
    Failed,
}
