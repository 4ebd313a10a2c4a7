using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>A registered webhook. Register answers <c>created_at</c>, listing <c>created_timestamp</c>: both are read.</summary>
public sealed record XWebhook
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("valid")]
    public bool Valid { get; init; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("created_timestamp")]
    public string? CreatedTimestamp { get; init; }
}
