namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// The "Twitter API" inbound type: an intermediary service that gets X's events POSTs the same Account
/// Activity payloads to <see cref="Path"/> with the DM channel's API key as a bearer token.
/// </summary>
public sealed class IntermediaryReceiver(IIntermediaryKeys keys, WebhookAddress address, InboundEventWriter writer)
{
    public const string Path = "/api/twitter/events";

    public string Url => address.BaseUrl + Path;

    /// <summary>The webhook key of the account whose DM channel owns this API key, or null for a wrong key.</summary>
    public Task<string?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(apiKey) ? Task.FromResult<string?>(null) : keys.WebhookKeyOfAsync(apiKey, cancellationToken);

    /// <summary>Stored exactly like a webhook delivery, before the 200.</summary>
    public Task StoreAsync(string webhookKey, byte[] body, CancellationToken cancellationToken) =>
        writer.StoreAsync(webhookKey, body, InboundSource.Intermediary, cancellationToken);
}
