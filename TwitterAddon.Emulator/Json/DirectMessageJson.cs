using System.Globalization;
using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Json;

/// <summary>The DM <c>message_create</c> event (x-api.md 4.2), as the send answer and inside webhook payloads.</summary>
public static class DirectMessageJson
{
    public static JsonObject Event(EmulatedDirectMessage message, EmulatorWorld world)
    {
        var create = new JsonObject
        {
            ["target"] = new JsonObject { ["recipient_id"] = message.RecipientId },
            ["sender_id"] = message.SenderId,
            ["message_data"] = new JsonObject { ["text"] = message.Text, ["entities"] = TweetEntities.Build(message.Text, world) },
        };
        if (message.SourceAppId is not null)
        {
            create["source_app_id"] = message.SourceAppId;
        }

        return new JsonObject
        {
            ["type"] = "message_create",
            ["id"] = message.Id,
            ["created_timestamp"] = message.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["message_create"] = create,
        };
    }
}
