namespace TwitterAddon.Core.Webhooks;

/// <summary>Which account an intermediary's API key speaks for. The Channels feature answers: it owns the keys.</summary>
public interface IIntermediaryKeys
{
    /// <summary>The webhook key of the account whose channel owns this API key, or null for a wrong key.</summary>
    Task<string?> WebhookKeyOfAsync(string apiKey, CancellationToken cancellationToken);
}
