using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>The user fields the add-on uses (verify_credentials, tweet authors). Ids are strings: use id_str.</summary>
public sealed record XUser
{
    [JsonPropertyName("id_str")]
    public required string IdStr { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("screen_name")]
    public string ScreenName { get; init; } = "";

    [JsonPropertyName("profile_image_url_https")]
    public string? ProfileImageUrlHttps { get; init; }
}
