using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// One entry of X's error body: v1.1 <c>{"code":..,"message":".."}</c>; v2 entries have a message (and more)
/// but no code.
/// </summary>
public sealed record XError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>v2 names the error in its message, before a colon: "DuplicateUrlFailed: ...".</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>What X said, whichever field it used.</summary>
    [JsonIgnore]
    public string Text => Message ?? Detail ?? Title ?? "";
}

/// <summary>X's error answer of either generation: <c>errors[]</c>, and on v2 the problem's title, detail and type.</summary>
public sealed record XErrorBody(
    [property: JsonPropertyName("errors")] IReadOnlyList<XError>? Errors,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("type")] string? Type = null);

/// <summary>A v2 problem (RFC 7807): <c>{"title":"Forbidden","detail":"...","type":"about:blank","status":403}</c>.</summary>
public sealed record XProblem(string? Title, string? Detail, string? Type);
