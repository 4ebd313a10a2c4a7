namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// What our webhook endpoint does with X's calls: answers the CRC from the in-memory secret, and stores each
/// verified delivery before it is acknowledged.
/// </summary>
public sealed class WebhookReceiver(ConsumerSecrets secrets, CrcLog crcs, InboundEventWriter writer)
{
    /// <summary>X's crc_token is a short base64 string; anything else (a JSON body, say) is refused, so the CRC is no signing oracle.</summary>
    public static bool IsPlausibleCrcToken(string? token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_');

    /// <summary>The response_token, or null when the key is unknown or the token implausible.</summary>
    public string? AnswerCrc(string webhookKey, string? crcToken) =>
        IsPlausibleCrcToken(crcToken) && secrets.TryGet(webhookKey, out var secret)
            ? WebhookSignature.CrcResponseToken(secret, crcToken!)
            : null;

    public Task RecordCrcAsync(string webhookKey, CancellationToken cancellationToken) => crcs.RecordAsync(webhookKey, cancellationToken);

    public WebhookSignatureCheck Verify(string webhookKey, ReadOnlySpan<byte> body, string? signature) =>
        secrets.TryGet(webhookKey, out var secret) ? WebhookSignature.Verify(secret, body, signature) : WebhookSignatureCheck.Missing;

    /// <summary>Stores the delivery durably; only after this returns may the endpoint answer 200.</summary>
    public Task StoreAsync(string webhookKey, byte[] body, CancellationToken cancellationToken) =>
        writer.StoreAsync(webhookKey, body, InboundSource.Webhook, cancellationToken);
}
