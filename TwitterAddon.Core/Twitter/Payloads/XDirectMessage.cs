using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>The <c>{"event":{...}}</c> of a DM send, request and response alike.</summary>
public sealed record XDirectMessageEnvelope([property: JsonPropertyName("event")] XDirectMessageEvent Event);

/// <summary>One page of <c>direct_messages/events/list</c>: the account's DMs, sent and received, newest first.</summary>
public sealed record XDirectMessageEventList(
    [property: JsonPropertyName("events")] IReadOnlyList<XDirectMessageEvent>? Events,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

public sealed record XDirectMessageEvent
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "message_create";

    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("created_timestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedTimestamp { get; init; }

    [JsonPropertyName("message_create")]
    public required XMessageCreate MessageCreate { get; init; }
}

public sealed record XMessageCreate
{
    [JsonPropertyName("target")]
    public required XMessageTarget Target { get; init; }

    [JsonPropertyName("sender_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SenderId { get; init; }

    [JsonPropertyName("message_data")]
    public required XMessageData MessageData { get; init; }
}

public sealed record XMessageTarget([property: JsonPropertyName("recipient_id")] string RecipientId);

public sealed record XMessageData([property: JsonPropertyName("text")] string Text)
{
    /// <summary>In X's answers: the links in <see cref="Text"/>, which X has shortened to t.co.</summary>
    [JsonPropertyName("entities")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public XMessageEntities? Entities { get; init; }

    /// <summary>The text as it was sent: each t.co link put back to the address it stands for.</summary>
    public string ExpandedText => (Entities?.Urls ?? []).Aggregate(Text, (text, link) =>
        link.Url is { Length: > 0 } shortened && link.ExpandedUrl is { Length: > 0 } expanded ? text.Replace(shortened, expanded, StringComparison.Ordinal) : text);
}

public sealed record XMessageEntities([property: JsonPropertyName("urls")] IReadOnlyList<XUrlEntity>? Urls);

public sealed record XUrlEntity(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("expanded_url")] string? ExpandedUrl);
