using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>The tweet fields the add-on reads from <c>statuses/update</c>. Ids: id_str, never the numeric id.</summary>
public sealed record XTweet
{
    [JsonPropertyName("id_str")]
    public required string IdStr { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("full_text")]
    public string? FullText { get; init; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("in_reply_to_status_id_str")]
    public string? InReplyToStatusIdStr { get; init; }

    [JsonPropertyName("user")]
    public XUser? User { get; init; }
}
