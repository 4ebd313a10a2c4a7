using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>The bodies X POSTs to a webhook (x-api.md 4): one <c>*_events</c> array for one subscribed user.</summary>
public static class ActivityPayloads
{
    public static JsonObject DirectMessage(string forUserId, EmulatedDirectMessage message, EmulatorWorld world)
    {
        var users = new JsonObject();
        foreach (var id in new[] { message.SenderId, message.RecipientId }.Distinct())
        {
            users[id] = UserJson.Condensed(world.Users[id]);
        }

        var payload = new JsonObject
        {
            ["for_user_id"] = forUserId,
            ["direct_message_events"] = new JsonArray(DirectMessageJson.Event(message, world)),
        };
        if (message.SourceAppId is { } appId && world.Apps.FirstOrDefault(a => a.Id == appId) is { } app)
        {
            payload["apps"] = new JsonObject { [app.Id] = new JsonObject { ["id"] = app.Id, ["name"] = app.Name, ["url"] = $"https://example.com/apps/{app.Id}" } };
        }

        payload["users"] = users;
        return payload;
    }

    /// <summary>A mention payload carries <c>user_has_blocked</c>, as a string the way X's example shows it.</summary>
    public static JsonObject TweetCreate(string forUserId, EmulatedTweet tweet, EmulatorWorld world)
    {
        var payload = new JsonObject { ["for_user_id"] = forUserId };
        if (tweet.AuthorId != forUserId)
        {
            payload["user_has_blocked"] = "false";
        }

        payload["tweet_create_events"] = new JsonArray(TweetJson.Build(tweet, world));
        return payload;
    }

    /// <summary>
    /// The X Activity API's dm.received / dm.sent payload: the legacy <c>direct_message_events</c>, and a
    /// <c>users</c> map whose entries hold the v2 user in <c>data</c> (docs.x.com event-payloads).
    /// </summary>
    public static JsonObject ActivityDirectMessage(EmulatedDirectMessage message, EmulatorWorld world)
    {
        var users = new JsonObject();
        foreach (var id in new[] { message.SenderId, message.RecipientId }.Distinct())
        {
            users[id] = new JsonObject { ["data"] = V2Json.User(world.Users[id]) };
        }

        return new JsonObject
        {
            ["direct_message_events"] = new JsonArray(DirectMessageJson.Event(message, world)),
            ["users"] = users,
        };
    }
}
