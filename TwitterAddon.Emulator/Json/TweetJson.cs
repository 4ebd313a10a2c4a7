using System.Globalization;
using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>
/// The v1.1 tweet object as X sends it in statuses/update answers and tweet_create_events (x-api.md 4.3):
/// numeric and string ids, and for text over 140 code points the compatibility form with
/// <c>truncated:true</c> and the real text in <c>extended_tweet.full_text</c>.
/// </summary>
public static class TweetJson
{
    private const int CompatibilityLength = 140;

    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture);

    public static JsonObject Build(EmulatedTweet tweet, EmulatorWorld world, bool includeQuoted = true)
    {
        var author = world.Users[tweet.AuthorId];
        var length = CodePoints.Count(tweet.FullText);
        var truncated = length > CompatibilityLength;
        var text = truncated ? Compatibility(tweet) : tweet.FullText;
        var json = new JsonObject
        {
            ["created_at"] = Date(tweet.CreatedAt),
            ["id"] = Number(tweet.Id),
            ["id_str"] = tweet.Id,
            ["text"] = text,
            ["display_text_range"] = new JsonArray(tweet.DisplayStart, truncated ? CompatibilityLength : length),
            ["source"] = Source(tweet, world),
            ["truncated"] = truncated,
            ["in_reply_to_status_id"] = Number(tweet.InReplyToStatusId),
            ["in_reply_to_status_id_str"] = tweet.InReplyToStatusId,
            ["in_reply_to_user_id"] = Number(tweet.InReplyToUserId),
            ["in_reply_to_user_id_str"] = tweet.InReplyToUserId,
            ["in_reply_to_screen_name"] = tweet.InReplyToUserId is { } replyTo && world.Users.TryGetValue(replyTo, out var parent) ? parent.ScreenName : null,
            ["user"] = UserJson.Full(author),
            ["is_quote_status"] = tweet.QuotedStatusId is not null,
            ["entities"] = TweetEntities.Build(text, world),
            ["favorited"] = false,
            ["retweeted"] = false,
            ["filter_level"] = "low",
            ["lang"] = "en",
            ["timestamp_ms"] = tweet.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (tweet.QuotedStatusId is { } quotedId)
        {
            json["quoted_status_id"] = Number(quotedId);
            json["quoted_status_id_str"] = quotedId;
            if (includeQuoted && world.Tweets.TryGetValue(quotedId, out var quoted))
            {
                json["quoted_status"] = Build(quoted, world, includeQuoted: false);
            }
        }

        if (tweet.RetweetedStatusId is { } retweetedId && world.Tweets.TryGetValue(retweetedId, out var retweeted))
        {
            json["retweeted_status"] = Build(retweeted, world, includeQuoted: false);
        }

        if (truncated)
        {
            json["extended_tweet"] = new JsonObject
            {
                ["full_text"] = tweet.FullText,
                ["display_text_range"] = new JsonArray(tweet.DisplayStart, length),
                ["entities"] = TweetEntities.Build(tweet.FullText, world),
            };
        }

        return json;
    }

    /// <summary>What X puts in <c>text</c> for a long tweet: the start, an ellipsis and a link to the whole.</summary>
    private static string Compatibility(EmulatedTweet tweet) =>
        CodePoints.Take(tweet.FullText, CompatibilityLength - 25).TrimEnd() + "\u2026 https://t.co/" + tweet.Id[^10..];

    private static string Source(EmulatedTweet tweet, EmulatorWorld world) =>
        tweet.SourceAppId is { } appId && world.Apps.FirstOrDefault(a => a.Id == appId) is { } app
            ? $"<a href=\"https://example.com/apps/{app.Id}\" rel=\"nofollow\">{app.Name}</a>"
            : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>";

    private static JsonValue? Number(string? id) =>
        id is null ? null : JsonValue.Create(long.Parse(id, CultureInfo.InvariantCulture));
}
