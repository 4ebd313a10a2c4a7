using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Control;

/// <summary>A readable summary of the emulator's world: users; per app the v1.1 environments and the v2 webhooks and subscriptions.</summary>
public static class WorldJson
{
    public static JsonObject Summary(EmulatorWorld world)
    {
        lock (world.Gate)
        {
            return new JsonObject
            {
                ["users"] = new JsonArray([.. world.Users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => (JsonNode)new JsonObject
                {
                    ["id"] = u.Id, ["screen_name"] = u.ScreenName, ["name"] = u.Name, ["dms_open"] = u.DirectMessagesOpen,
                })]),
                ["apps"] = new JsonArray([.. world.Apps.Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.Id, ["name"] = a.Name, ["consumer_key"] = a.ConsumerKey, ["access"] = AppAccess.Name(a.Access),
                    ["environments"] = new JsonArray([.. a.Environments.Select(e => (JsonNode)new JsonObject
                    {
                        ["label"] = e.Label, ["tier"] = e.Tier.ToString(),
                        ["webhooks"] = new JsonArray([.. e.Webhooks.Select(w => (JsonNode)new JsonObject { ["id"] = w.Id, ["url"] = w.Url, ["valid"] = w.Valid })]),
                        ["subscriptions"] = new JsonArray([.. e.SubscribedUserIds.Order().Select(id => (JsonNode)JsonValue.Create(id))]),
                    })]),
                    ["v2_webhooks"] = new JsonArray([.. a.V2Webhooks.Select(w => (JsonNode)new JsonObject { ["id"] = w.Id, ["url"] = w.Url, ["valid"] = w.Valid })]),
                    ["activity_subscriptions"] = new JsonArray([.. a.ActivitySubscriptions.Select(s => (JsonNode)new JsonObject
                    {
                        ["id"] = s.Id, ["event_type"] = s.EventType, ["user_id"] = s.UserId, ["webhook_id"] = s.WebhookId, ["tag"] = s.Tag,
                    })]),
                })]),
            };
        }
    }
}
