using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary><c>GET all/:env/subscriptions/list.json</c>.</summary>
public sealed record XSubscriptionList(
    [property: JsonPropertyName("environment")] string? Environment,
    [property: JsonPropertyName("application_id")] string? ApplicationId,
    [property: JsonPropertyName("subscriptions")] IReadOnlyList<XSubscription> Subscriptions);

public sealed record XSubscription([property: JsonPropertyName("user_id")] string UserId);
