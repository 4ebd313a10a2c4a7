using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary><c>GET all/subscriptions/count.json</c>; X sends the numbers as strings.</summary>
public sealed record XSubscriptionCount
{
    [JsonPropertyName("account_name")]
    public string? AccountName { get; init; }

    [JsonPropertyName("subscriptions_count")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public int SubscriptionsCount { get; init; }

    [JsonPropertyName("provisioned_count")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public int ProvisionedCount { get; init; }
}
