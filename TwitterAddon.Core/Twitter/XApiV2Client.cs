using System.Globalization;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using TwitterAddon.Core.Twitter.V2;
using static TwitterAddon.Core.Twitter.XTransport;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// Today's X, on the shared <see cref="XTransport"/>: webhooks and subscription management with the app's bearer
/// token, creating subscriptions, sending and reading the DM history in the account's user context (OAuth 1.0a,
/// which X required in live tests even where its docs name OAuth 2: x-api-v2.md 1.1).
/// </summary>
public sealed class XApiV2Client(XTransport x) : IXApiV2
{
    private static V2JsonContext Json => V2JsonContext.Default;

    public async Task<XUser> GetMeAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        Person((await x.SendAsync(HttpMethod.Get, "2/users/me", [new("user.fields", "profile_image_url")], User(credentials),
            Json.V2DataV2User, cancellationToken))?.Data ?? throw new XApiException("X answered /2/users/me without the user."));

    public async Task<IReadOnlyList<XUser>> GetUsersAsync(OAuthCredentials credentials, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : [.. ((await x.SendAsync(HttpMethod.Get, "2/users", [new("ids", string.Join(',', ids)), new("user.fields", "profile_image_url")],
                User(credentials), Json.V2DataIReadOnlyListV2User, cancellationToken))?.Data ?? []).Select(Person)];

    public async Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        [.. ((await x.SendAsync(HttpMethod.Get, "2/webhooks", [], await x.AppAsync(credentials, cancellationToken),
            Json.V2DataIReadOnlyListV2Webhook, cancellationToken))?.Data ?? []).Select(Webhook)];

    public async Task<int> ProvisionedSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Get, "2/account_activity/subscriptions/count", [], await x.AppAsync(credentials, cancellationToken),
            Json.V2DataV2SubscriptionCount, cancellationToken))?.Data?.ProvisionedCount
            ?? throw new XApiException("X answered GET /2/account_activity/subscriptions/count without the count.");

    public async Task<XWebhook> CreateWebhookAsync(OAuthCredentials credentials, string url, CancellationToken cancellationToken) =>
        Webhook((await x.SendAsync(HttpMethod.Post, "2/webhooks", [], await x.AppAsync(credentials, cancellationToken),
            Json.V2DataV2Webhook, cancellationToken, Body(new V2WebhookRequest(url), Json.V2WebhookRequest)))?.Data
            ?? throw new XApiException("X answered POST /2/webhooks without the webhook."));

    /// <summary>X answers <c>{"data":{"valid":...}}</c> after the check (older docs: <c>{"data":{"attempted":true}}</c>).</summary>
    public async Task<bool> ValidateWebhookAsync(OAuthCredentials credentials, string webhookId, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Put, $"2/webhooks/{Segment(webhookId)}", [], await x.AppAsync(credentials, cancellationToken),
            Json.V2DataV2Validation, cancellationToken))?.Data is not { Valid: false };

    public async Task DeleteWebhookAsync(OAuthCredentials credentials, string webhookId, CancellationToken cancellationToken) =>
        await x.SendAsync<object>(HttpMethod.Delete, $"2/webhooks/{Segment(webhookId)}", [], await x.AppAsync(credentials, cancellationToken),
            null, cancellationToken);

    public async Task<IReadOnlyList<V2Subscription>> ListSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken)
    {
        var all = new List<V2Subscription>();
        string? next = null;
        do
        {
            List<KeyValuePair<string, string>> query = [new("max_results", "100")];
            if (next is not null)
            {
                query.Add(new("pagination_token", next));
            }

            var page = await x.SendAsync(HttpMethod.Get, "2/activity/subscriptions", query, await x.AppAsync(credentials, cancellationToken),
                Json.V2DataIReadOnlyListV2Subscription, cancellationToken);
            all.AddRange(page?.Data ?? []);
            next = page?.Meta?.NextToken;
        }
        while (next is not null);

        return all;
    }

    public async Task<V2Subscription> SubscribeAsync(
        OAuthCredentials credentials, string eventType, string userId, string webhookId, string tag, CancellationToken cancellationToken)
    {
        try
        {
            var created = await x.SendAsync(HttpMethod.Post, "2/activity/subscriptions", [], User(credentials), Json.V2DataJsonElement,
                cancellationToken, Body(new V2SubscriptionRequest(eventType, new V2SubscriptionFilter(userId), tag, webhookId), Json.V2SubscriptionRequest));
            return Subscription(created?.Data) ?? throw new XApiException("X answered POST /2/activity/subscriptions without the subscription.");
        }
        catch (XApiException e) when (e.Names("DuplicateSubscription"))
        {
            // Already there (an earlier install, a retried save): that is what was asked for.
            var existing = (await ListSubscriptionsAsync(credentials, cancellationToken)).FirstOrDefault(s =>
                s.EventType == eventType && s.Filter?.UserId == userId && s.WebhookId == webhookId);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    public async Task DeleteSubscriptionAsync(OAuthCredentials credentials, string subscriptionId, CancellationToken cancellationToken) =>
        await x.SendAsync<object>(HttpMethod.Delete, $"2/activity/subscriptions/{Segment(subscriptionId)}", [],
            await x.AppAsync(credentials, cancellationToken), null, cancellationToken);

    public async Task RetagSubscriptionAsync(OAuthCredentials credentials, string subscriptionId, string tag, CancellationToken cancellationToken) =>
        await x.SendAsync<object>(HttpMethod.Put, $"2/activity/subscriptions/{Segment(subscriptionId)}", [], await x.AppAsync(credentials, cancellationToken),
            null, cancellationToken, Body(new V2SubscriptionTag(tag), Json.V2SubscriptionTag));

    public async Task<string> PostReplyAsync(OAuthCredentials credentials, string text, string inReplyToTweetId, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Post, "2/tweets", [], User(credentials), Json.V2DataV2Post, cancellationToken,
            Body(new V2PostRequest(text, new V2Reply(inReplyToTweetId)), Json.V2PostRequest)))?.Data?.Id
        ?? throw new XApiException("X accepted the post but sent no id.");

    public async Task<string> SendDirectMessageAsync(OAuthCredentials credentials, string participantId, string text, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Post, $"2/dm_conversations/with/{Segment(participantId)}/messages", [], User(credentials),
            Json.V2DataV2DirectMessageSent, cancellationToken, Body(new V2DirectMessageRequest(text), Json.V2DirectMessageRequest)))?.Data?.DmEventId
        ?? throw new XApiException("X accepted the DM but sent no event id.");

    public async Task<IReadOnlyList<V2DmEvent>> ListDirectMessagesWithAsync(
        OAuthCredentials credentials, string participantId, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Get, $"2/dm_conversations/with/{Segment(participantId)}/dm_events",
            [new("dm_event.fields", "id,event_type,text,sender_id,created_at"), new("event_types", "MessageCreate"), new("max_results", "100")],
            User(credentials), Json.V2DataIReadOnlyListV2DmEvent, cancellationToken))?.Data ?? [];

    public async Task<V2ReplayJob> ReplayAsync(
        OAuthCredentials credentials, string webhookId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await x.SendAsync(HttpMethod.Post, "2/webhooks/replay", [], await x.AppAsync(credentials, cancellationToken), Json.V2DataV2ReplayJob,
            cancellationToken, Body(new V2ReplayRequest(webhookId, ReplayTime(since), ReplayTime(until)), Json.V2ReplayRequest)))?.Data
        ?? new V2ReplayJob(null);

    /// <summary>
    /// X documents three shapes for a created subscription (x-v2 research 4.2): <c>data</c> itself, <c>data.subscription</c>,
    /// or <c>data</c> as a one-item array. Whichever comes, the subscription is read.
    /// </summary>
    private static V2Subscription? Subscription(System.Text.Json.JsonElement? data) => data switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.Array } list when list.GetArrayLength() > 0 => Subscription(list[0]),
        { ValueKind: System.Text.Json.JsonValueKind.Object } one when one.TryGetProperty("subscription", out var inner) => Subscription(inner),
        { ValueKind: System.Text.Json.JsonValueKind.Object } one => System.Text.Json.JsonSerializer.Deserialize(one, Json.V2Subscription),
        _ => null,
    };

    /// <summary>X's replay times: yyyyMMddHHmm in UTC.</summary>
    public static string ReplayTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static XUser Person(V2User user) =>
        new() { IdStr = user.Id, Name = user.Name, ScreenName = user.Username, ProfileImageUrlHttps = user.ProfileImageUrl };

    private static XWebhook Webhook(V2Webhook webhook) =>
        new() { Id = webhook.Id, Url = webhook.Url, Valid = webhook.Valid, CreatedAt = webhook.CreatedAt };
}
