namespace TwitterAddon.Core.Accounts;

/// <summary>
/// A webhook delivery exactly as X sent it, stored before we answer 200: once acknowledged it is never lost.
/// Turning it into conversations is the inbound pipeline's job.
/// </summary>
public sealed class InboundEvent
{
    public long Id { get; set; }

    public required string WebhookKey { get; set; }

    public required byte[] Body { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
