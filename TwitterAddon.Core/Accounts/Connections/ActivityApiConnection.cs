using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using TwitterAddon.Core.Twitter.V2;

namespace TwitterAddon.Core.Accounts.Connections;

/// <summary>
/// Today's X: the app's v2 webhook, and one X Activity subscription per event type for the account, tagged with
/// the Env Label so a staging and a production install of one app never touch each other's subscriptions.
/// </summary>
public sealed class ActivityApiConnection(IXApiV2 x) : IXConnection
{
    public bool WebhookPerEnvironment => false;

    public Task<XUser> VerifyAsync(OAuthCredentials credentials, CancellationToken cancellationToken) => x.GetMeAsync(credentials, cancellationToken);

    /// <summary>The Account Activity count (x-api.md 7.2): X reports the access it sold, Pay-per-use 3, Enterprise thousands.</summary>
    public Task<int> ProvisionedSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        x.ProvisionedSubscriptionsAsync(credentials, cancellationToken);

    public Task<IReadOnlyList<XWebhook>> WebhooksAsync(OAuthCredentials credentials, string envLabel, CancellationToken cancellationToken) =>
        x.ListWebhooksAsync(credentials, cancellationToken);

    public Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string envLabel, string url, CancellationToken cancellationToken) =>
        x.CreateWebhookAsync(credentials, url, cancellationToken);

    public Task<bool> RevalidateWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken) =>
        x.ValidateWebhookAsync(credentials, webhookId, cancellationToken);

    public Task DeleteWebhookAsync(OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken) =>
        x.DeleteWebhookAsync(credentials, webhookId, cancellationToken);

    /// <summary>All event types or none: a failure part-way deletes the subscriptions this call created.</summary>
    public async Task SubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken) =>
        await SubscribeMissingAsync(credentials, envLabel, webhookId, userId,
            [.. Ours(await x.ListSubscriptionsAsync(credentials, cancellationToken), envLabel, webhookId, userId).Select(s => s.EventType)], cancellationToken);

    /// <summary>
    /// Moves this install's subscriptions from one Env Label to another without a gap: X re-tags them in place, and
    /// whatever was missing under the old label is created under the new one.
    /// </summary>
    public async Task RetagAsync(
        OAuthCredentials credentials, string fromLabel, string toLabel, string webhookId, string userId, CancellationToken cancellationToken)
    {
        var retagged = new List<string>();
        foreach (var subscription in Ours(await x.ListSubscriptionsAsync(credentials, cancellationToken), fromLabel, webhookId, userId))
        {
            await x.RetagSubscriptionAsync(credentials, subscription.SubscriptionId, toLabel, cancellationToken);
            retagged.Add(subscription.EventType);
        }

        await SubscribeMissingAsync(credentials, toLabel, webhookId, userId, retagged, cancellationToken);
    }

    private async Task SubscribeMissingAsync(
        OAuthCredentials credentials, string envLabel, string webhookId, string userId, IReadOnlyCollection<string> existing, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        try
        {
            foreach (var eventType in ActivityEvents.Subscribed.Where(e => !existing.Contains(e)))
            {
                created.Add((await x.SubscribeAsync(credentials, eventType, userId, webhookId, envLabel, cancellationToken)).SubscriptionId);
            }
        }
        catch (XApiException)
        {
            foreach (var id in created)
            {
                // Best effort: the admin sees the original failure; a leftover shows on Detail Account later.
                await XBestEffort.RunAsync(() => x.DeleteSubscriptionAsync(credentials, id, CancellationToken.None));
            }

            throw;
        }
    }

    public async Task UnsubscribeAsync(OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken)
    {
        foreach (var subscription in Ours(await x.ListSubscriptionsAsync(credentials, cancellationToken), envLabel, webhookId, userId))
        {
            await x.DeleteSubscriptionAsync(credentials, subscription.SubscriptionId, cancellationToken);
        }
    }

    public async Task<SubscriptionState> SubscriptionsAsync(
        OAuthCredentials credentials, string envLabel, string webhookId, string userId, CancellationToken cancellationToken)
    {
        var ours = Ours(await x.ListSubscriptionsAsync(credentials, cancellationToken), envLabel, webhookId, userId).ToList();
        var missing = ActivityEvents.Subscribed.Except(ours.Select(s => s.EventType), StringComparer.Ordinal).ToList();
        var order = ActivityEvents.Subscribed.ToList();
        return new SubscriptionState(missing.Count == 0,
            [.. ours.OrderBy(s => order.IndexOf(s.EventType)).Select(s => new AccountSubscription(s.EventType, s.SubscriptionId, s.Tag))],
            missing);
    }

    /// <summary>This install's: the account's, through our webhook, under our tag.</summary>
    private static IEnumerable<V2Subscription> Ours(IEnumerable<V2Subscription> all, string envLabel, string webhookId, string userId) =>
        all.Where(s => s.Filter?.UserId == userId && s.Tag == envLabel && (s.WebhookId is null || s.WebhookId == webhookId));
}
