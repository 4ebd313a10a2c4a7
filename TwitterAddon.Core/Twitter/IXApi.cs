using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// What the add-on asks of X's v1.1 API (the Sandbox and Premium tiers, <see cref="XApiClient"/>); today's v2
/// is <see cref="IXApiV2"/>. Failures are <see cref="XApiException"/> either way.
/// </summary>
public interface IXApi
{
    Task<XUser> VerifyCredentialsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string environment, string webhookUrl, CancellationToken cancellationToken);

    Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken);

    Task<IReadOnlyList<XEnvironment>> ListEnvironmentsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    Task TriggerCrcAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken);

    Task DeleteWebhookAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken);

    Task SubscribeAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken);

    Task<bool> IsSubscribedAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken);

    Task<XSubscriptionCount> CountSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListSubscriptionsAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken);

    Task UnsubscribeAsync(OAuthCredentials credentials, string environment, string userId, CancellationToken cancellationToken);

    Task<XDirectMessageEvent> SendDirectMessageAsync(OAuthCredentials credentials, string recipientId, string text, CancellationToken cancellationToken);

    /// <summary>One page (up to 50) of the account's DM events of the last 30 days, newest first; pass the page's cursor for the next.</summary>
    Task<XDirectMessageEventList> ListDirectMessageEventsAsync(OAuthCredentials credentials, string? cursor, CancellationToken cancellationToken);

    Task<XTweet> PostReplyAsync(OAuthCredentials credentials, string text, string inReplyToStatusId, CancellationToken cancellationToken);
}
