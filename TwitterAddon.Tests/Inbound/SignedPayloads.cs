using System.Text.Json.Nodes;

namespace TwitterAddon.Tests.Inbound;

/// <summary>Account Activity bodies in X's shapes (x-api.md 4), for tests that post them signed themselves.</summary>
public static class SignedPayloads
{
    public static string DirectMessage(string eventId, string senderId, string text, string forUserId = InboundHarness.AccountId)
    {
        var recipient = senderId == forUserId ? "1000000002" : forUserId;
        return new JsonObject
        {
            ["for_user_id"] = forUserId,
            ["direct_message_events"] = new JsonArray(new JsonObject
            {
                ["type"] = "message_create",
                ["id"] = eventId,
                ["created_timestamp"] = "1764100000000",
                ["message_create"] = new JsonObject
                {
                    ["target"] = new JsonObject { ["recipient_id"] = recipient },
                    ["sender_id"] = senderId,
                    ["message_data"] = new JsonObject { ["text"] = text },
                },
            }),
            ["users"] = new JsonObject
            {
                [senderId] = new JsonObject { ["id"] = senderId, ["name"] = "Sender " + senderId, ["screen_name"] = "user" + senderId },
            },
        }.ToJsonString();
    }

    public static string Typing(string senderId) =>
        $$$"""{"for_user_id":"{{{InboundHarness.AccountId}}}","direct_message_indicate_typing_events":[{"created_timestamp":"1764100000000","sender_id":"{{{senderId}}}","target":{"recipient_id":"{{{InboundHarness.AccountId}}}"}}]}""";
}
