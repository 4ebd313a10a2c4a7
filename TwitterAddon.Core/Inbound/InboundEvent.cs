namespace TwitterAddon.Core.Inbound;

/// <summary>
/// A delivery exactly as X (or the intermediary) sent it, stored before we answer 200: once acknowledged it
/// is never lost. <see cref="InboundWorker"/> then turns it into conversations and records the outcome here.
/// </summary>
public sealed class InboundEvent
{
    public const int OutcomeMaxLength = 500;

    public long Id { get; set; }

    public required string WebhookKey { get; set; }

    public required byte[] Body { get; set; }

    public InboundSource Source { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboundEventStatus Status { get; set; }

    /// <summary>What became of it, in words: "DM from @jane_doe", or why it was ignored or failed.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
