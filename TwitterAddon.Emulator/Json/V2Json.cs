using System.Globalization;
using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>
/// X API v2's objects as the emulator answers and delivers them (docs.x.com; x-v2 wire research 1, 3, 4, 5, 8): string
/// ids, ISO times, a Post with <c>author_id</c>, <c>referenced_tweets</c>, code point <c>display_text_range</c> and
/// mention entities (with X Activity's <c>*_str</c> twins), and <c>note_tweet</c> for text past 280.
/// </summary>
public static class V2Json
{
    private const int ShortTextLength = 280;

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>id</c>, <c>name</c>, <c>username</c> by default; <c>profile_image_url</c> when asked for.</summary>
    public static JsonObject User(EmulatedUser user, bool withImage = true)
    {
        var json = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["username"] = user.ScreenName };
        if (withImage)
        {
            json["profile_image_url"] = UserJson.Avatar(user);
        }

        return json;
    }

    public static JsonObject Webhook(EmulatedWebhook webhook) => new()
    {
        ["id"] = webhook.Id, ["url"] = webhook.Url, ["valid"] = webhook.Valid, ["created_at"] = Time(webhook.CreatedAt),
    };

    public static JsonObject Subscription(EmulatedSubscription subscription)
    {
        var json = new JsonObject
        {
            ["subscription_id"] = subscription.Id, ["event_type"] = subscription.EventType,
            ["filter"] = new JsonObject { ["user_id"] = subscription.UserId },
            ["created_at"] = Time(subscription.CreatedAt), ["updated_at"] = Time(subscription.CreatedAt),
            ["webhook_id"] = subscription.WebhookId,
        };
        if (subscription.Tag is not null)
        {
            json["tag"] = subscription.Tag;
        }

        return json;
    }

    /// <summary>One DM in the v2 DM history (<c>/2/dm_conversations/with/:id/dm_events</c>).</summary>
    public static JsonObject DmEvent(EmulatedDirectMessage message) => new()
    {
        ["id"] = message.Id, ["event_type"] = "MessageCreate", ["text"] = message.Text, ["sender_id"] = message.SenderId,
        ["created_at"] = Time(message.CreatedAt), ["dm_conversation_id"] = ConversationId(message.SenderId, message.RecipientId),
    };

    /// <summary>A one-to-one conversation is "{smaller user id}-{larger user id}".</summary>
    public static string ConversationId(string a, string b) =>
        long.Parse(a, CultureInfo.InvariantCulture) < long.Parse(b, CultureInfo.InvariantCulture) ? $"{a}-{b}" : $"{b}-{a}";

    public static JsonObject Post(EmulatedTweet tweet, EmulatorWorld world)
    {
        var length = CodePoints.Count(tweet.FullText);
        var isLong = length > ShortTextLength;
        var text = isLong ? CodePoints.Take(tweet.FullText, ShortTextLength - 24).TrimEnd() + "\u2026 https://t.co/" + tweet.Id[^10..] : tweet.FullText;
        var referenced = new JsonArray();
        if (tweet.InReplyToStatusId is { } parent)
        {
            referenced.Add(new JsonObject { ["type"] = "replied_to", ["id"] = parent });
        }

        if (tweet.QuotedStatusId is { } quoted)
        {
            referenced.Add(new JsonObject { ["type"] = "quoted", ["id"] = quoted });
        }

        if (tweet.RetweetedStatusId is { } retweeted)
        {
            referenced.Add(new JsonObject { ["type"] = "retweeted", ["id"] = retweeted });
        }

        var post = new JsonObject
        {
            ["created_at"] = Time(tweet.CreatedAt),
            ["edit_history_tweet_ids"] = new JsonArray(tweet.Id),
            ["conversation_id"] = RootOf(tweet, world),
            ["display_text_range"] = new JsonArray(tweet.DisplayStart, isLong ? CodePoints.Count(text) : length),
            ["text"] = text,
            ["entities"] = Entities(text, world),
            ["author_id"] = tweet.AuthorId,
            ["reply_settings"] = "everyone",
            ["id"] = tweet.Id,
            ["lang"] = "en",
        };
        if (tweet.InReplyToStatusId is not null)
        {
            post["in_reply_to_tweet_id"] = tweet.InReplyToStatusId;
            post["in_reply_to_user_id"] = tweet.InReplyToUserId;
        }

        if (referenced.Count > 0)
        {
            post["referenced_tweets"] = referenced;
        }

        if (isLong)
        {
            post["note_tweet"] = new JsonObject { ["text"] = tweet.FullText, ["entities"] = Entities(tweet.FullText, world) };
        }

        return post;
    }

    /// <summary>The people and posts a Post refers to, as an X Activity delivery's <c>includes</c>.</summary>
    /// <param name="post">The tweet as <see cref="Post"/> made it for the payload, included again as X does.</param>
    public static JsonObject Includes(EmulatedTweet tweet, JsonObject post, EmulatorWorld world)
    {
        var userIds = new List<string> { tweet.AuthorId };
        userIds.AddRange(TweetEntities.MentionedUsers(tweet.FullText, world).Select(u => u.Id));
        var tweets = new JsonArray(post.DeepClone());
        foreach (var id in new[] { tweet.QuotedStatusId, tweet.InReplyToStatusId }.OfType<string>())
        {
            if (world.Tweets.TryGetValue(id, out var referenced))
            {
                tweets.Add(Post(referenced, world));
                userIds.Add(referenced.AuthorId);
            }
        }

        return new JsonObject
        {
            ["users"] = new JsonArray([.. userIds.Distinct().Select(id => (JsonNode)User(world.Users[id]))]),
            ["tweets"] = tweets,
        };
    }

    /// <summary>v2 mention entities, with X Activity's string twins of the numbers.</summary>
    private static JsonObject Entities(string text, EmulatorWorld world)
    {
        var mentions = new JsonArray();
        foreach (var (user, start, end) in TweetEntities.Mentions(text, world))
        {
            mentions.Add(new JsonObject
            {
                ["start"] = start, ["start_str"] = start.ToString(CultureInfo.InvariantCulture),
                ["end"] = end, ["end_str"] = end.ToString(CultureInfo.InvariantCulture),
                ["username"] = user.ScreenName, ["id"] = user.Id,
            });
        }

        return new JsonObject { ["mentions"] = mentions };
    }

    private static string RootOf(EmulatedTweet tweet, EmulatorWorld world)
    {
        var current = tweet;
        while (current.InReplyToStatusId is { } parent && world.Tweets.TryGetValue(parent, out var next))
        {
            current = next;
        }

        return current.Id;
    }
}
