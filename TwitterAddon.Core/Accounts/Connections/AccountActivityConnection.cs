using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Core.Accounts.Connections;

/// <summary>The v1.1 premium Account Activity API of the product doc: one environment, its webhook, the account subscribed to it.</summary>
public sealed class AccountActivityConnection(IXApi x) : IXConnection
{
    public bool WebhookPerEnvironment => true;

    public Task<XUser> VerifyAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        x.VerifyCredentialsAsync(credentials, cancellationToken);

    public async Task<int> ProvisionedSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await x.CountSubscriptionsAsync(credentials, cancellationToken)).ProvisionedCount;

    public Task<IReadOnlyList<XWebhook>> WebhooksAsync(OAuthCredentials credentials, string envLabel, CancellationToken cancellationToken) =>
        x.ListWebhooksAsync(credentials, envLabel, cancellationToken);

    public Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string envLabel, string url, CancellationToken cancellationToken) =>
        x.RegisterWebhookAsync(credentials, envLabel, url, cancellationToken);

    public async Task<bool> RevalidateWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken)
    {
        await x.TriggerCrcAsync(credentials, envLabel, webhookId, cancellationToken);
        return true;
    }

    public Task DeleteWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken) =>
        x.DeleteWebhookAsync(credentials, envLabel, webhookId, cancellationToken);

    public Task SubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken) =>
        x.SubscribeAsync(credentials, envLabel, cancellationToken);

    public Task UnsubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken) =>
        x.UnsubscribeAsync(credentials, envLabel, userId, cancellationToken);

    public async Task<SubscriptionState> SubscriptionsAsync(
        OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken)
    {
        var active = await x.IsSubscribedAsync(credentials, envLabel, cancellationToken);
        return new SubscriptionState(active, active ? [new AccountSubscription("All Account Activity events", null, envLabel)] : [],
            active ? [] : ["All Account Activity events"]);
    }
}
