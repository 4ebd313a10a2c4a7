using System.Net.Http.Json;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using static TwitterAddon.Core.Twitter.XTransport;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// X's v1.1 REST calls the add-on makes for the Sandbox and Premium tiers (x-api.md sections 2 and 5), on the
/// shared <see cref="XTransport"/>. Errors come back as <see cref="XApiException"/> carrying X's codes.
/// </summary>
public sealed class XApiClient(XTransport x) : IXApi
{
    private static XJsonContext Json => XJsonContext.Default;

    public Task<XUser> VerifyCredentialsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        x.SendAsync(HttpMethod.Get, "1.1/account/verify_credentials.json", [new("skip_status", "true"), new("include_entities", "false")],
            User(credentials), Json.XUser, cancellationToken)!;

    /// <summary>X performs a CRC against <paramref name="webhookUrl"/> during this call.</summary>
    public Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string environment, string webhookUrl, CancellationToken cancellationToken) =>
        x.SendAsync(HttpMethod.Post, $"1.1/account_activity/all/{Segment(environment)}/webhooks.json", [new("url", webhookUrl)],
            User(credentials), Json.XWebhook, cancellationToken)!;

    public async Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken) =>
        await x.SendAsync(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/webhooks.json", [],
            await x.AppAsync(credentials, cancellationToken), Json.IReadOnlyListXWebhook, cancellationToken) ?? [];

    public async Task<IReadOnlyList<XEnvironment>> ListEnvironmentsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Get, "1.1/account_activity/all/webhooks.json", [],
            await x.AppAsync(credentials, cancellationToken), Json.XEnvironmentList, cancellationToken))?.Environments ?? [];

    /// <summary>Asks X to run the CRC now; a passing check marks an invalid webhook valid again.</summary>
    public Task TriggerCrcAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken) =>
        x.SendAsync<object>(HttpMethod.Put, $"1.1/account_activity/all/{Segment(environment)}/webhooks/{Segment(webhookId)}.json", [],
            User(credentials), null, cancellationToken);

    public Task DeleteWebhookAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken) =>
        x.SendAsync<object>(HttpMethod.Delete, $"1.1/account_activity/all/{Segment(environment)}/webhooks/{Segment(webhookId)}.json", [],
            User(credentials), null, cancellationToken);

    /// <summary>Subscribes the account of the access token; "already subscribed" (355) counts as done.</summary>
    public async Task SubscribeAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await x.SendAsync<object>(HttpMethod.Post, $"1.1/account_activity/all/{Segment(environment)}/subscriptions.json", [],
                User(credentials), null, cancellationToken);
        }
        catch (XApiException e) when (e.Has(XErrorCodes.SubscriptionAlreadyExists))
        {
        }
    }

    /// <summary>204 means subscribed; X's "not subscribed" is an error answer (34).</summary>
    public async Task<bool> IsSubscribedAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await x.SendAsync<object>(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/subscriptions.json", [],
                User(credentials), null, cancellationToken);
            return true;
        }
        catch (XApiException e) when (e.Has(XErrorCodes.DoesNotExist))
        {
            return false;
        }
    }

    public async Task<XSubscriptionCount> CountSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Get, "1.1/account_activity/all/subscriptions/count.json", [],
            await x.AppAsync(credentials, cancellationToken), Json.XSubscriptionCount, cancellationToken))!;

    public async Task<IReadOnlyList<string>> ListSubscriptionsAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/subscriptions/list.json", [],
            await x.AppAsync(credentials, cancellationToken), Json.XSubscriptionList, cancellationToken))?.Subscriptions.Select(s => s.UserId).ToList() ?? [];

    public async Task UnsubscribeAsync(OAuthCredentials credentials, string environment, string userId, CancellationToken cancellationToken) =>
        await x.SendAsync<object>(HttpMethod.Delete, $"1.1/account_activity/all/{Segment(environment)}/subscriptions/{Segment(userId)}.json", [],
            await x.AppAsync(credentials, cancellationToken), null, cancellationToken);

    /// <summary>Sends a DM; the returned event id is what the webhook echo will carry.</summary>
    public async Task<XDirectMessageEvent> SendDirectMessageAsync(
        OAuthCredentials credentials, string recipientId, string text, CancellationToken cancellationToken)
    {
        var body = new XDirectMessageEnvelope(new XDirectMessageEvent
        {
            MessageCreate = new XMessageCreate { Target = new XMessageTarget(recipientId), MessageData = new XMessageData(text) },
        });
        var sent = await x.SendAsync(HttpMethod.Post, "1.1/direct_messages/events/new.json", [], User(credentials),
            Json.XDirectMessageEnvelope, cancellationToken, Body(body, Json.XDirectMessageEnvelope));
        return sent!.Event;
    }

    public async Task<XDirectMessageEventList> ListDirectMessageEventsAsync(OAuthCredentials credentials, string? cursor, CancellationToken cancellationToken) =>
        await x.SendAsync(HttpMethod.Get, "1.1/direct_messages/events/list.json",
            cursor is null ? [new("count", "50")] : [new("count", "50"), new("cursor", cursor)],
            User(credentials), Json.XDirectMessageEventList, cancellationToken) ?? new XDirectMessageEventList([], null);

    /// <summary>
    /// Posts a reply threaded under <paramref name="inReplyToStatusId"/>. auto_populate_reply_metadata makes X add
    /// the @mentions itself (they do not count), and without it X would post a stand-alone tweet.
    /// </summary>
    public Task<XTweet> PostReplyAsync(OAuthCredentials credentials, string text, string inReplyToStatusId, CancellationToken cancellationToken) =>
        x.SendAsync(HttpMethod.Post, "1.1/statuses/update.json",
            [new("status", text), new("in_reply_to_status_id", inReplyToStatusId), new("auto_populate_reply_metadata", "true")],
            User(credentials), Json.XTweet, cancellationToken)!;
}
