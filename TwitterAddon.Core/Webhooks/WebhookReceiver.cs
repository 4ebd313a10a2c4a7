namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// What our webhook endpoint does with X's calls: answers the CRC from the in-memory secret, and stores each
/// verified delivery before it is acknowledged.
/// </summary>
public sealed class WebhookReceiver(ConsumerSecrets secrets, CrcLog crcs, InboundEventWriter writer)
{
    /// <summary>
    /// X's crc_token is a base64 string of 16 to 128 characters (as other X clients check, <c>^[A-Za-z0-9+/=_-]{16,128}$</c>);
    /// anything else (a JSON body, or a bare <c>1</c>, <c>true</c> or <c>null</c>) is refused, so the CRC signs nothing
    /// that could pass for a payload.
    /// </summary>
    public static bool IsPlausibleCrcToken(string? token) =>
        token is { Length: >= 16 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_');

    /// <summary>The response_token, or null when the key is unknown or the token implausible.</summary>
    public string? AnswerCrc(string webhookKey, string? crcToken) =>
        IsPlausibleCrcToken(crcToken) && secrets.TryGet(webhookKey, out var secret)
            ? WebhookSignature.CrcResponseToken(secret, crcToken!)
            : null;

    /// <summary>Whether a connected account has this webhook address (checked before anything of a delivery is read).</summary>
    public bool Knows(string webhookKey) => secrets.TryGet(webhookKey, out _);

    public Task RecordCrcAsync(string webhookKey, CancellationToken cancellationToken) => crcs.RecordAsync(webhookKey, cancellationToken);

    public WebhookSignatureCheck Verify(string webhookKey, ReadOnlySpan<byte> body, string? signature) =>
        secrets.TryGet(webhookKey, out var secret) ? WebhookSignature.Verify(secret, body, signature) : WebhookSignatureCheck.Missing;

    /// <summary>Stores the delivery durably; only after this returns may the endpoint answer 200.</summary>
    public Task StoreAsync(string webhookKey, byte[] body, CancellationToken cancellationToken) =>
        writer.StoreAsync(webhookKey, body, InboundSource.Webhook, cancellationToken);
}
