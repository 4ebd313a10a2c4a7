using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>The <c>entities</c> object X attaches to tweets and DMs: mentions, hashtags, URLs, with code point indices.</summary>
public static partial class TweetEntities
{
    public static JsonObject Build(string text, EmulatorWorld world)
    {
        var mentions = new JsonArray();
        foreach (Match match in Mention().Matches(text))
        {
            if (world.FindUserByScreenName(match.Groups[1].Value) is { } user)
            {
                mentions.Add(new JsonObject
                {
                    ["screen_name"] = user.ScreenName, ["name"] = user.Name,
                    ["id"] = long.Parse(user.Id, System.Globalization.CultureInfo.InvariantCulture), ["id_str"] = user.Id,
                    ["indices"] = Indices(text, match.Index, match.Length),
                });
            }
        }

        var hashtags = new JsonArray();
        foreach (Match match in Hashtag().Matches(text))
        {
            hashtags.Add(new JsonObject { ["text"] = match.Groups[1].Value, ["indices"] = Indices(text, match.Index, match.Length) });
        }

        var urls = new JsonArray();
        foreach (Match match in Url().Matches(text))
        {
            urls.Add(new JsonObject
            {
                ["url"] = match.Value, ["expanded_url"] = match.Value, ["display_url"] = match.Value.Split("://")[^1],
                ["indices"] = Indices(text, match.Index, match.Length),
            });
        }

        return new JsonObject { ["hashtags"] = hashtags, ["symbols"] = new JsonArray(), ["user_mentions"] = mentions, ["urls"] = urls };
    }

    /// <summary>The users @mentioned in the text with their code point span [start, end).</summary>
    public static IEnumerable<(EmulatedUser User, int Start, int End)> Mentions(string text, EmulatorWorld world) =>
        Mention().Matches(text)
            .Select(m => (User: world.FindUserByScreenName(m.Groups[1].Value), Start: CodePoints.OffsetOf(text, m.Index), End: CodePoints.OffsetOf(text, m.Index + m.Length)))
            .Where(m => m.User is not null)
            .Select(m => (m.User!, m.Start, m.End));

    /// <summary>The users @mentioned in the text, in order, that exist in the world.</summary>
    public static IEnumerable<EmulatedUser> MentionedUsers(string text, EmulatorWorld world) =>
        Mention().Matches(text).Select(m => world.FindUserByScreenName(m.Groups[1].Value)).OfType<EmulatedUser>();

    private static JsonArray Indices(string text, int index, int length) =>
        [CodePoints.OffsetOf(text, index), CodePoints.OffsetOf(text, index + length)];

    [GeneratedRegex(@"(?<![\w@])@([A-Za-z0-9_]{1,15})\b")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w#])#(\w+)")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Url();
}
