using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using TwitterAddon.Core.Twitter.V2;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// What the add-on asks of today's X (the Pay-per-use and Enterprise tiers): v2 webhooks, the X Activity API and
/// v2 sending (../shared/docs/x-api-v2.md). Failures are <see cref="XApiException"/>, as on v1.1.
/// </summary>
public interface IXApiV2
{
    Task<XUser> GetMeAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    /// <summary>
    /// Up to 100 users by id (<c>GET /2/users</c>), for authors X delivered by id only. Ids X does not find (deleted,
    /// suspended) are simply not in the answer.
    /// </summary>
    Task<IReadOnlyList<XUser>> GetUsersAsync(OAuthCredentials credentials, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    /// <summary>X performs a CRC against <paramref name="url"/> during this call.</summary>
    /// <summary>The subscriptions X provisions the developer account for: 3 on Pay-per-use, thousands on Enterprise.</summary>
    Task<int> ProvisionedSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    Task<XWebhook> CreateWebhookAsync(OAuthCredentials credentials, string url, CancellationToken cancellationToken);

    /// <summary>Asks X to run the CRC now; true when it passed (the webhook is valid again).</summary>
    Task<bool> ValidateWebhookAsync(OAuthCredentials credentials, string webhookId, CancellationToken cancellationToken);

    Task DeleteWebhookAsync(OAuthCredentials credentials, string webhookId, CancellationToken cancellationToken);

    Task<IReadOnlyList<V2Subscription>> ListSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Creates the subscription; one that exists already counts as created and is returned.</summary>
    Task<V2Subscription> SubscribeAsync(
        OAuthCredentials credentials, string eventType, string userId, string webhookId, string tag, CancellationToken cancellationToken);

    Task DeleteSubscriptionAsync(OAuthCredentials credentials, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Gives the subscription another tag (X allows changing only the tag and the webhook in place).</summary>
    Task RetagSubscriptionAsync(OAuthCredentials credentials, string subscriptionId, string tag, CancellationToken cancellationToken);

    /// <summary>Posts a reply threaded under <paramref name="inReplyToTweetId"/>; returns the post id.</summary>
    Task<string> PostReplyAsync(OAuthCredentials credentials, string text, string inReplyToTweetId, CancellationToken cancellationToken);

    /// <summary>Sends a DM; returns the DM event id, which the echo and the DM history carry.</summary>
    Task<string> SendDirectMessageAsync(OAuthCredentials credentials, string participantId, string text, CancellationToken cancellationToken);

    /// <summary>The latest DM events of the conversation with <paramref name="participantId"/>, newest first.</summary>
    Task<IReadOnlyList<V2DmEvent>> ListDirectMessagesWithAsync(OAuthCredentials credentials, string participantId, CancellationToken cancellationToken);

    /// <summary>Asks X to deliver again what it delivered, or tried to, to the webhook between the two times (at most 24 h back).</summary>
    Task<V2ReplayJob> ReplayAsync(OAuthCredentials credentials, string webhookId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
