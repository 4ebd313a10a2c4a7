using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Core.Accounts.Connections;

/// <summary>
/// How an account is connected on one of X's API generations: v1.1 premium Account Activity (an environment's
/// webhook and subscription, <see cref="AccountActivityConnection"/>) or today's v2 webhooks with X Activity
/// subscriptions tagged with the Env Label (<see cref="ActivityApiConnection"/>). Begin Setup, Detail Account and
/// the status check speak to either through this.
/// </summary>
public interface IXConnection
{
    /// <summary>Each environment has its own webhook (v1.1); on v2 one webhook serves every tag.</summary>
    bool WebhookPerEnvironment { get; }

    Task<XUser> VerifyAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    /// <summary>How many subscriptions X provisions the developer account for: what X says of its tier.</summary>
    Task<int> ProvisionedSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The webhooks events could come through: the environment's (v1.1) or the app's (v2).</summary>
    Task<IReadOnlyList<XWebhook>> WebhooksAsync(OAuthCredentials credentials, string envLabel, CancellationToken cancellationToken);

    /// <summary>X runs the CRC against <paramref name="url"/> during this call.</summary>
    Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string envLabel, string url, CancellationToken cancellationToken);

    /// <summary>X runs the CRC now; false when the webhook did not pass it (X throws on v1.1, answers valid:false on v2).</summary>
    Task<bool> RevalidateWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken);

    Task DeleteWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken);

    /// <summary>Subscribes the account to what the inbox needs; what exists already counts as done.</summary>
    Task SubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes this install's subscriptions of the account (v2: only those tagged with <paramref name="envLabel"/>).</summary>
    Task UnsubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken);

    /// <summary>What X has subscribed for the account in this install; <see cref="SubscriptionState.Active"/> when nothing is missing.</summary>
    Task<SubscriptionState> SubscriptionsAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken);
}

/// <summary>The account's subscriptions at X, as Detail Account lists them.</summary>
public sealed record SubscriptionState(bool Active, IReadOnlyList<AccountSubscription> Subscriptions, IReadOnlyList<string> Missing);

/// <summary>One subscription: on v2 an X Activity event type with its id and tag; on v1.1 "all events" of the environment.</summary>
public sealed record AccountSubscription(string EventType, string? Id, string? Tag);
