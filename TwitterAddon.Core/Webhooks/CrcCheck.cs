namespace TwitterAddon.Core.Webhooks;

/// <summary>When X last checked one of our webhooks with a CRC and got the right answer (Setup shows it).</summary>
public sealed class CrcCheck
{
    public required string WebhookKey { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
