using System.Text.Json;
using TwitterAddon.Core.Twitter.V2;
using static TwitterAddon.Core.Inbound.PayloadJson;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The X Activity API's delivery (docs.x.com x-api/activity/event-payloads; x-api-v2.md 1.3): <c>data</c> is one
/// envelope or an array of them, each with <c>event_uuid</c>, <c>event_type</c>, <c>filter.user_id</c>, an optional
/// <c>tag</c>, the <c>payload</c> and optional <c>includes</c>. dm.* payloads keep the legacy
/// <c>direct_message_events</c>; post.* payloads are v2 Post objects.
/// </summary>
internal static class ActivityApiShape
{
    public static ActivityPayload Read(JsonElement data, DateTimeOffset now)
    {
        var envelopes = data.ValueKind switch
        {
            JsonValueKind.Object => [data],
            JsonValueKind.Array => data.EnumerateArray().ToList(),
            _ => throw new UnreadablePayloadException("'data' is neither an event nor a list of events."),
        };
        if (envelopes.Count == 0)
        {
            throw new UnreadablePayloadException("'data' holds no events.");
        }

        var items = new List<InboundItem>();
        string? forUserId = null;
        string? tag = null;
        foreach (var envelope in envelopes)
        {
            if (envelope.ValueKind != JsonValueKind.Object)
            {
                throw new UnreadablePayloadException("An event in 'data' is not an object.");
            }

            RequiredString(envelope, "event_uuid");
            forUserId ??= OptionalString(Optional(envelope, "filter"), "user_id");
            tag ??= OptionalString(envelope, "tag");
            items.AddRange(EventItems(envelope, RequiredString(envelope, "event_type"), OptionalString(Optional(envelope, "filter"), "user_id"), now));
        }

        return new ActivityPayload(forUserId, items, tag);
    }

    private static IEnumerable<InboundItem> EventItems(JsonElement envelope, string eventType, string? filterUserId, DateTimeOffset now)
    {
        var payload = Required(envelope, "payload");
        return eventType switch
        {
            ActivityEvents.DirectMessageReceived or ActivityEvents.DirectMessageSent => AccountActivityShape.DirectMessages(payload, now).ToList(),
            ActivityEvents.Mention or ActivityEvents.Reply or ActivityEvents.Quote or ActivityEvents.OwnPost =>
                // post.quote.create is about a quote of the filtered user's post, whether or not includes name its author.
                [Post(payload, Optional(envelope, "includes"), eventType == ActivityEvents.Quote ? filterUserId : null, now)],
            ActivityEvents.Revoke => [new RevokeItem(RequiredString(payload, "user_id"))],
            _ => [new NoticeItem($"X Activity event \"{eventType}\"")],
        };
    }

    /// <summary>A v2 Post: the author joined from <c>includes.users</c>, a long post's text from <c>note_tweet</c>.</summary>
    private static TweetItem Post(JsonElement post, JsonElement includes, string? quotedAuthorByEvent, DateTimeOffset now)
    {
        var authorId = RequiredString(post, "author_id");
        var author = Person(Items(includes, "users").FirstOrDefault(u => OptionalString(u, "id") == authorId), authorId)
            ?? new XPerson(authorId, "", "", null);
        var note = Optional(post, "note_tweet");
        var fullText = OptionalString(note, "text") ?? RequiredString(post, "text");
        var range = DisplayRange(post);
        // display_text_range counts in the short text; a long post's note_tweet shows from the same start to its end.
        var text = range is { } r
            ? new StringInfoRange(fullText).Slice(r.Start, note.ValueKind == JsonValueKind.Object ? int.MaxValue : r.End)
            : fullText;
        var referenced = Items(post, "referenced_tweets").Select(t => (Type: OptionalString(t, "type"), Id: OptionalString(t, "id"))).ToList();
        var quotedId = referenced.FirstOrDefault(t => t.Type == "quoted").Id;
        var quotedAuthor = quotedId is null ? null
            : OptionalString(Items(includes, "tweets").FirstOrDefault(t => OptionalString(t, "id") == quotedId), "author_id") ?? quotedAuthorByEvent;
        var (mentioned, typed) = MentionIds(Items(Optional(note.ValueKind == JsonValueKind.Object ? note : post, "entities"), "mentions")
            .Select(m => (OptionalString(m, "id"), Optional(m, "start") is { ValueKind: JsonValueKind.Number } s ? s.GetInt32() : 0)), range);
        return new TweetItem(
            RequiredString(post, "id"), author, text, Time(OptionalString(post, "created_at"), now),
            OptionalString(post, "in_reply_to_tweet_id") ?? referenced.FirstOrDefault(t => t.Type == "replied_to").Id,
            OptionalString(post, "in_reply_to_user_id"), mentioned, quotedAuthor,
            referenced.Any(t => t.Type == "retweeted"), AuthorIsBlocked: false)
        {
            ExplicitMentionIds = typed,
            QuotedStatusId = quotedId,
        };
    }
}
