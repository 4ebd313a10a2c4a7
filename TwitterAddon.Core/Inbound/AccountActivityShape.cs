using System.Text.Json;
using static TwitterAddon.Core.Inbound.PayloadJson;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The Account Activity payload (x-api.md 4), v1.1 and v2 AAA alike: one <c>*_events</c> array or a
/// <c>user_event</c>, for <c>for_user_id</c>. Unknown keys are ignored.
/// </summary>
internal static class AccountActivityShape
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

    public static ActivityPayload Read(JsonElement root, DateTimeOffset now)
    {
        var items = new List<InboundItem>();
        if (root.TryGetProperty("direct_message_events", out _))
        {
            items.AddRange(DirectMessages(root, now));
        }

        if (root.TryGetProperty("tweet_create_events", out var tweets))
        {
            var blocked = OptionalBool(root, "user_has_blocked");
            items.AddRange(Array(tweets, "tweet_create_events").Select(t => Tweet(t, blocked, now)));
        }

        if (root.TryGetProperty("user_event", out var userEvent))
        {
            items.Add(new RevokeItem(RequiredString(Required(Required(userEvent, "revoke"), "source"), "user_id")));
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

        return new ActivityPayload(OptionalString(root, "for_user_id"), items);
    }

    /// <summary><c>direct_message_events</c> with their <c>users</c> map: the AAA payload, and the X Activity API's dm.* payload.</summary>
    public static IEnumerable<DirectMessageItem> DirectMessages(JsonElement container, DateTimeOffset now)
    {
        var users = Optional(container, "users");
        foreach (var e in Array(Optional(container, "direct_message_events"), "direct_message_events"))
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
            yield return new DirectMessageItem(
                RequiredString(e, "id"), senderId, recipientId, text, FromMilliseconds(OptionalString(e, "created_timestamp"), now),
                Person(Optional(users, senderId), senderId), Person(Optional(users, recipientId), recipientId));
        }
    }

    private static TweetItem Tweet(JsonElement t, bool authorIsBlocked, DateTimeOffset now)
    {
        var id = RequiredString(t, "id_str");
        var user = Required(t, "user");
        var author = Person(user, RequiredString(user, "id_str"))!;
        // A long tweet's real text and entities are in extended_tweet (x-api.md 4.3).
        var source = OptionalBool(t, "truncated") && Optional(t, "extended_tweet") is { ValueKind: JsonValueKind.Object } extended ? extended : t;
        var fullText = OptionalString(source, "full_text") ?? RequiredString(source, "text");
        var range = DisplayRange(source);
        var quoted = Optional(t, "quoted_status");
        var quotedAuthor = OptionalString(Optional(quoted, "user"), "id_str");
        var (mentioned, typed) = MentionIds(Items(Optional(source, "entities"), "user_mentions")
            .Select(m => (OptionalString(m, "id_str"), Optional(m, "indices") is { ValueKind: JsonValueKind.Array } i && i.GetArrayLength() > 0 ? i[0].GetInt32() : 0)), range);
        return new TweetItem(
            id, author, range is { } r ? new StringInfoRange(fullText).Slice(r.Start, r.End) : fullText,
            OptionalString(t, "timestamp_ms") is { } ms ? FromMilliseconds(ms, now) : Time(OptionalString(t, "created_at"), now),
            OptionalString(t, "in_reply_to_status_id_str"), OptionalString(t, "in_reply_to_user_id_str"),
            mentioned, quotedAuthor, Optional(t, "retweeted_status").ValueKind == JsonValueKind.Object, authorIsBlocked)
        {
            ExplicitMentionIds = typed,
            QuotedStatusId = OptionalString(t, "quoted_status_id_str") ?? OptionalString(quoted, "id_str"),
        };
    }
}
