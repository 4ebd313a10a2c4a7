using System.Text.Json.Serialization;

namespace TwitterAddon.Emulator.Control;

public sealed record CreateUserRequest(
    [property: JsonPropertyName("screen_name")] string? ScreenName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("dms_open")] bool? DirectMessagesOpen);

public sealed record UpdateUserRequest([property: JsonPropertyName("dms_open")] bool? DirectMessagesOpen);

/// <summary>The app's v2 access: <c>pay_per_use</c> or <c>enterprise</c>.</summary>
public sealed record UpdateAppRequest([property: JsonPropertyName("access")] string? Access);

public sealed record UpdateTokenRequest(
    [property: JsonPropertyName("can_write_and_message")] bool? CanWriteAndMessage,
    [property: JsonPropertyName("revoked")] bool? Revoked);

/// <summary>A DM from <see cref="Sender"/> (id or @handle) to <see cref="Recipient"/>, by default the account.</summary>
public sealed record CustomerDirectMessageRequest(
    [property: JsonPropertyName("sender")] string? Sender,
    [property: JsonPropertyName("recipient")] string? Recipient,
    [property: JsonPropertyName("text")] string? Text);

public sealed record CustomerTweetRequest(
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("in_reply_to_status_id")] string? InReplyToStatusId,
    [property: JsonPropertyName("quoted_status_id")] string? QuotedStatusId);

public sealed record RetweetRequest(
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("tweet_id")] string? TweetId);

public sealed record FaultPlanRequest(
    [property: JsonPropertyName("error_rate")] double? ErrorRate,
    [property: JsonPropertyName("error_status")] int? ErrorStatus,
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("latency_ms")] int? LatencyMs,
    [property: JsonPropertyName("fail_next_count")] int? FailNextCount,
    [property: JsonPropertyName("fail_next_status")] int? FailNextStatus,
    [property: JsonPropertyName("fail_next_code")] int? FailNextCode,
    [property: JsonPropertyName("duplicate_deliveries")] bool? DuplicateDeliveries,
    [property: JsonPropertyName("slow_answer_rate")] double? SlowAnswerRate,
    [property: JsonPropertyName("slow_answer_ms")] int? SlowAnswerMs,
    [property: JsonPropertyName("script")] IReadOnlyList<ScriptedAnswerRequest>? Script);

/// <summary>One entry of <c>script</c>: <c>{"answer":"fail","status":503,"code":131}</c>, <c>{"answer":"drop"}</c> or <c>{"answer":"ok"}</c>.</summary>
public sealed record ScriptedAnswerRequest(
    [property: JsonPropertyName("answer")] string? Answer,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("code")] int? Code);
