using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.V2;

/// <summary>v2 wraps every answer in <c>data</c> (and sometimes <c>meta</c>).</summary>
public sealed record V2Data<T>([property: JsonPropertyName("data")] T? Data, [property: JsonPropertyName("meta")] V2Meta? Meta = null);

public sealed record V2Meta(
    [property: JsonPropertyName("result_count")] int? ResultCount = null,
    [property: JsonPropertyName("next_token")] string? NextToken = null,
    [property: JsonPropertyName("total_subscriptions")] int? TotalSubscriptions = null);

/// <summary><c>GET /2/users/me</c> with <c>user.fields=profile_image_url</c>.</summary>
public sealed record V2User(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("profile_image_url")] string? ProfileImageUrl = null);

/// <summary>A v2 webhook (<c>/2/webhooks</c>).</summary>
public sealed record V2Webhook(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("created_at")] string? CreatedAt = null);

public sealed record V2WebhookRequest([property: JsonPropertyName("url")] string Url);

/// <summary>An X Activity API subscription (<c>/2/activity/subscriptions</c>).</summary>
public sealed record V2Subscription(
    [property: JsonPropertyName("subscription_id")] string SubscriptionId,
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("filter")] V2SubscriptionFilter? Filter,
    [property: JsonPropertyName("tag")] string? Tag = null,
    [property: JsonPropertyName("webhook_id")] string? WebhookId = null,
    [property: JsonPropertyName("created_at")] string? CreatedAt = null);

public sealed record V2SubscriptionFilter([property: JsonPropertyName("user_id")] string? UserId);

public sealed record V2SubscriptionRequest(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("filter")] V2SubscriptionFilter Filter,
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("webhook_id")] string WebhookId);

/// <summary><c>PUT /2/activity/subscriptions/:id</c>: only the tag (or the webhook) changes in place.</summary>
public sealed record V2SubscriptionTag([property: JsonPropertyName("tag")] string Tag);

/// <summary><c>POST /2/tweets</c>: a reply threaded under <see cref="V2Reply.InReplyToTweetId"/>.</summary>
public sealed record V2PostRequest(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply")] V2Reply Reply);

public sealed record V2Reply([property: JsonPropertyName("in_reply_to_tweet_id")] string InReplyToTweetId);

public sealed record V2Post(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string? Text = null);

public sealed record V2DirectMessageRequest([property: JsonPropertyName("text")] string Text);

/// <summary>The answer of a DM send: keep <see cref="DmEventId"/>, the echo and the DM history carry it.</summary>
public sealed record V2DirectMessageSent(
    [property: JsonPropertyName("dm_conversation_id")] string? DmConversationId,
    [property: JsonPropertyName("dm_event_id")] string DmEventId);

/// <summary>One entry of the DM history (<c>/2/dm_conversations/with/:id/dm_events</c>).</summary>
public sealed record V2DmEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("sender_id")] string? SenderId,
    [property: JsonPropertyName("created_at")] string? CreatedAt);

/// <summary><c>POST /2/webhooks/replay</c>: times as yyyyMMddHHmm, UTC.</summary>
public sealed record V2ReplayRequest(
    [property: JsonPropertyName("webhook_id")] string WebhookId,
    [property: JsonPropertyName("from_date")] string FromDate,
    [property: JsonPropertyName("to_date")] string ToDate);

public sealed record V2ReplayJob(
    [property: JsonPropertyName("job_id")] string? JobId,
    [property: JsonPropertyName("created_at")] string? CreatedAt = null);

/// <summary>The answer of <c>PUT /2/webhooks/:id</c>: <c>valid</c> after the CRC (or only <c>attempted</c>, in older docs).</summary>
/// <summary><c>GET /2/account_activity/subscriptions/count</c>: X sends the numbers as strings.</summary>
public sealed record V2SubscriptionCount(
    [property: JsonPropertyName("account_name")] string? AccountName,
    [property: JsonPropertyName("provisioned_count"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int ProvisionedCount);

public sealed record V2Validation(
    [property: JsonPropertyName("valid")] bool? Valid,
    [property: JsonPropertyName("attempted")] bool? Attempted = null);
