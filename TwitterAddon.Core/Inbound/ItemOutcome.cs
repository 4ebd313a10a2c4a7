using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Inbound;

/// <summary>What one item of a delivery came to; the event's outcome joins them.</summary>
internal sealed record ItemOutcome(InboundEventStatus Status, string Description)
{
    public static ItemOutcome Processed(string description) => new(InboundEventStatus.Processed, description);

    public static ItemOutcome Ignored(string reason) => new(InboundEventStatus.Ignored, reason);
}
