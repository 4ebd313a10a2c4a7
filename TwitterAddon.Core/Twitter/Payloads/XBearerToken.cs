using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>The answer of <c>POST oauth2/token</c>.</summary>
public sealed record XBearerToken(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("access_token")] string AccessToken);
