namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// A delivery exactly as X (or the intermediary) sent it, stored before we answer 200: once acknowledged it
/// is never lost. The inbound worker then turns it into conversations and records the outcome here.
/// </summary>
public sealed class InboundEvent
{
    public const int OutcomeMaxLength = 500;

    public long Id { get; set; }

    public required string WebhookKey { get; set; }

    public required byte[] Body { get; set; }

    public InboundSource Source { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboundEventStatus Status { get; private set; }

    /// <summary>What became of it, in words: "DM from @jane_doe", or why it was ignored or failed.</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>The worker is done with it: processed, ignored or failed, with the reason in words.</summary>
    public void Conclude(InboundEventStatus status, string outcome, DateTimeOffset at)
    {
        if (status == InboundEventStatus.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "An event is concluded as processed, ignored or failed.");
        }

        (Status, Outcome, ProcessedAt) = (status, Shorten(outcome), at);
    }

    private static string Shorten(string text) =>
        text.Length <= OutcomeMaxLength ? text : text[..(OutcomeMaxLength - 1)] + "\u2026";
}
