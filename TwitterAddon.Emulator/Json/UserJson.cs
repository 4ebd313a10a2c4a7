using System.Globalization;
using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>X's user objects: the full v1.1 one (tweets, verify_credentials) and the condensed one of DM events.</summary>
public static class UserJson
{
    public static JsonObject Full(EmulatedUser user) => new()
    {
        ["id"] = long.Parse(user.Id, CultureInfo.InvariantCulture),
        ["id_str"] = user.Id,
        ["name"] = user.Name,
        ["screen_name"] = user.ScreenName,
        ["location"] = null,
        ["description"] = "",
        ["protected"] = false,
        ["verified"] = false,
        ["followers_count"] = 0,
        ["friends_count"] = 0,
        ["created_at"] = TweetJson.Date(user.CreatedAt),
        ["profile_image_url_https"] = Avatar(user),
    };

    /// <summary>The DM <c>users</c> map entry: the id is a string and there is no id_str (x-api.md 4.2).</summary>
    public static JsonObject Condensed(EmulatedUser user) => new()
    {
        ["id"] = user.Id,
        ["created_timestamp"] = user.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["name"] = user.Name,
        ["screen_name"] = user.ScreenName,
        ["protected"] = false,
        ["verified"] = false,
        ["followers_count"] = 0,
        ["friends_count"] = 0,
        ["statuses_count"] = 0,
        ["profile_image_url_https"] = Avatar(user),
    };

    /// <summary>An avatar the portal can show without internet: a data URI with the user's initial.</summary>
    public static string Avatar(EmulatedUser user)
    {
        if (!string.IsNullOrEmpty(user.ProfileImageUrl))
        {
            return user.ProfileImageUrl;
        }

        // Derived from the id, not string.GetHashCode (random per process), so a user keeps their colour.
        var hue = user.Id.Sum(c => c) * 37 % 360;
        var initial = char.ToUpperInvariant(user.Name.FirstOrDefault(char.IsLetterOrDigit, '?'));
        var svg = $"<svg xmlns='http://www.w3.org/2000/svg' width='48' height='48'><rect width='48' height='48' rx='24' fill='hsl({hue},55%,45%)'/>" +
                  $"<text x='24' y='31' font-size='22' text-anchor='middle' fill='white' font-family='sans-serif'>{initial}</text></svg>";
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
