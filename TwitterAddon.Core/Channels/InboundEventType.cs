using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Channels;

/// <summary>How a Direct Message channel gets X's events.</summary>
public enum InboundEventType
{
    /// <summary>X calls this add-on's webhook directly (recommended: nothing else to set up).</summary>
    TwitterWebhook,

    /// <summary>An intermediary service receives X's events and forwards them to this add-on's API with a key.</summary>
    TwitterApi,
}

public static class InboundEventTypes
{
    /// <summary>Where a channel of this type takes customers' DMs from: only there.</summary>
    public static InboundSource Source(this InboundEventType type) =>
        type == InboundEventType.TwitterApi ? InboundSource.Intermediary : InboundSource.Webhook;
}
