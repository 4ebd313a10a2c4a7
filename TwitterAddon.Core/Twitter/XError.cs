using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter;

/// <summary>One entry of X's v1.1 error body <c>{"errors":[{"code":..,"message":".."}]}</c>.</summary>
public sealed record XError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message);

public sealed record XErrorBody([property: JsonPropertyName("errors")] IReadOnlyList<XError>? Errors);
