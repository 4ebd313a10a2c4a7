using System.Globalization;
using System.Text.Json;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// Reads X's Account Activity payloads (x-api.md 4): one <c>*_events</c> array or a <c>user_event</c>, for
/// <c>for_user_id</c>. Unknown keys are ignored; a body that is not such a payload throws
/// <see cref="UnreadablePayloadException"/> with a reason an admin can read.
/// </summary>
public static class ActivityPayloadReader
{
    /// <summary>Events the add-on records without acting on them, and how the admin sees them.</summary>
    private static readonly (string Key, string What)[] Notices =
    [
        ("direct_message_indicate_typing_events", "Typing indicator"),
        ("direct_message_mark_read_events", "Read receipt"),
        ("favorite_events", "Like"),
        ("follow_events", "Follow or unfollow"),
        ("block_events", "Block or unblock"),
        ("mute_events", "Mute or unmute"),
        ("tweet_delete_events", "Tweet deleted on X (the inbox keeps its copy)"),
    ];

    public static ActivityPayload Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UnreadablePayloadException("The body is JSON but not an object.");
            }

            var forUserId = OptionalString(root, "for_user_id");
            var items = new List<InboundItem>();
            if (root.TryGetProperty("direct_message_events", out var messages))
            {
                var users = root.TryGetProperty("users", out var map) && map.ValueKind == JsonValueKind.Object ? map : default;
                items.AddRange(Array(messages, "direct_message_events").Select(e => DirectMessage(e, users)));
            }

            if (root.TryGetProperty("tweet_create_events", out var tweets))
            {
                var blocked = root.TryGetProperty("user_has_blocked", out var flag) && IsTrue(flag);
                items.AddRange(Array(tweets, "tweet_create_events").Select(t => Tweet(t, blocked)));
            }

            if (root.TryGetProperty("user_event", out var userEvent))
            {
                items.Add(UserEvent(userEvent));
            }

            foreach (var (key, what) in Notices)
            {
                if (root.TryGetProperty(key, out var notices))
                {
                    items.AddRange(Array(notices, key).Select(_ => new NoticeItem(what)));
                }
            }

            if (items.Count == 0)
            {
                throw new UnreadablePayloadException("No Account Activity events in it (expected direct_message_events, tweet_create_events, user_event...).");
            }

            return new ActivityPayload(forUserId, items);
        }
        catch (JsonException e)
        {
            throw new UnreadablePayloadException($"The body is not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new UnreadablePayloadException($"A field has the wrong type or is out of range: {e.Message}", e);
        }
    }

    private static DirectMessageItem DirectMessage(JsonElement e, JsonElement users)
    {
        var type = OptionalString(e, "type");
        if (type != "message_create")
        {
            throw new UnreadablePayloadException($"Direct message event of type '{type}' is not message_create.");
        }

        var create = Required(e, "message_create");
        var senderId = RequiredString(create, "sender_id");
        var recipientId = RequiredString(Required(create, "target"), "recipient_id");
        var text = RequiredString(Required(create, "message_data"), "text");
        return new DirectMessageItem(
            RequiredString(e, "id"), senderId, recipientId, text, FromMilliseconds(OptionalString(e, "created_timestamp")),
            Person(users, senderId), Person(users, recipientId));
    }

    private static TweetItem Tweet(JsonElement t, bool authorIsBlocked)
    {
        var id = RequiredString(t, "id_str");
        var user = Required(t, "user");
        var author = new XPerson(
            RequiredString(user, "id_str"), OptionalString(user, "name") ?? "", OptionalString(user, "screen_name") ?? "",
            OptionalString(user, "profile_image_url_https"));
        // A long tweet's real text and entities are in extended_tweet (x-api.md 4.3).
        var source = OptionalBool(t, "truncated") && t.TryGetProperty("extended_tweet", out var extended) ? extended : t;
        var fullText = OptionalString(source, "full_text") ?? RequiredString(source, "text");
        var quotedAuthor = t.TryGetProperty("quoted_status", out var quoted) && quoted.ValueKind == JsonValueKind.Object
            && quoted.TryGetProperty("user", out var quotedUser) ? OptionalString(quotedUser, "id_str") : null;
        return new TweetItem(
            id, author, DisplayText(source, fullText), TweetTime(t),
            OptionalString(t, "in_reply_to_status_id_str"), OptionalString(t, "in_reply_to_user_id_str"),
            MentionedIds(source), quotedAuthor,
            t.TryGetProperty("retweeted_status", out var retweeted) && retweeted.ValueKind == JsonValueKind.Object,
            authorIsBlocked);
    }

    private static RevokeItem UserEvent(JsonElement userEvent)
    {
        var revoke = Required(userEvent, "revoke");
        return new RevokeItem(RequiredString(Required(revoke, "source"), "user_id"));
    }

    /// <summary>The text without the leading @mentions X adds to replies: <c>display_text_range</c>, in code points.</summary>
    private static string DisplayText(JsonElement source, string fullText)
    {
        if (!source.TryGetProperty("display_text_range", out var range) || range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2)
        {
            return fullText;
        }

        var info = new StringInfoRange(fullText);
        return info.Slice(range[0].GetInt32(), range[1].GetInt32());
    }

    private static List<string> MentionedIds(JsonElement source)
    {
        if (!source.TryGetProperty("entities", out var entities) || !entities.TryGetProperty("user_mentions", out var mentions)
            || mentions.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. mentions.EnumerateArray().Select(m => OptionalString(m, "id_str")).OfType<string>()];
    }

    private static DateTimeOffset TweetTime(JsonElement t)
    {
        if (OptionalString(t, "timestamp_ms") is { } ms)
        {
            return FromMilliseconds(ms);
        }

        return DateTimeOffset.TryParseExact(OptionalString(t, "created_at"), "ddd MMM dd HH:mm:ss zzzz yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UtcNow;
    }

    private static DateTimeOffset FromMilliseconds(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 32503680000000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow;

    private static XPerson? Person(JsonElement users, string id)
    {
        if (users.ValueKind != JsonValueKind.Object || !users.TryGetProperty(id, out var user) || user.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new XPerson(id, OptionalString(user, "name") ?? "", OptionalString(user, "screen_name") ?? "", OptionalString(user, "profile_image_url_https"));
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new UnreadablePayloadException($"'{name}' is not an array.");

    private static JsonElement Required(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new UnreadablePayloadException($"'{name}' is missing.");

    private static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) is { Length: > 0 } value ? value : throw new UnreadablePayloadException($"'{name}' is missing.");

    /// <summary>X's ids are strings, but a number is accepted too (some forwarders re-serialize).</summary>
    private static string? OptionalString(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool OptionalBool(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && IsTrue(value);

    /// <summary>X's documented example sends "false" as a string; its FAQ says boolean. Both are accepted.</summary>
    private static bool IsTrue(JsonElement value) =>
        value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true");
}
