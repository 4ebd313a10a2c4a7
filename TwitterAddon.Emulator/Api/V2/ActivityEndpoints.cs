using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// The X Activity API's subscriptions (docs.x.com x-api/activity): create in the user's own context (private events
/// need their authorization, and DMs the Direct Message permission), list, change the tag or webhook, delete.
/// </summary>
public static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this RouteGroupBuilder x)
    {
        x.MapPost("/2/activity/subscriptions", CreateAsync).AddEndpointFilter<UserContextFilter>().RateLimited(500);

        x.MapGet("/2/activity/subscriptions", (HttpContext http, EmulatorWorld world) =>
        {
            var app = XCaller.Of(http).App;
            var max = int.TryParse(http.Request.Query["max_results"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 1000;
            var skip = PageToken.Offset(http.Request.Query["pagination_token"]);
            lock (world.Gate)
            {
                var page = app.ActivitySubscriptions.Skip(skip).Take(max).ToList();
                var meta = new JsonObject { ["result_count"] = page.Count, ["total_subscriptions"] = app.ActivitySubscriptions.Count };
                if (skip + page.Count < app.ActivitySubscriptions.Count)
                {
                    meta["next_token"] = PageToken.Of(skip + page.Count);
                }

                return V2Results.Data(new JsonArray([.. page.Select(s => (JsonNode)V2Json.Subscription(s))]), meta: meta);
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(500);

        x.MapPut("/2/activity/subscriptions/{id}", async (string id, HttpContext http, EmulatorWorld world) =>
        {
            var app = XCaller.Of(http).App;
            var body = await V2Body.ReadAsync(http);
            lock (world.Gate)
            {
                var index = app.ActivitySubscriptions.FindIndex(s => s.Id == id);
                if (index < 0)
                {
                    return V2Results.InvalidRequest("SubscriptionNotFound", $"The subscription id {id} is not valid for this application.");
                }

                var webhookId = V2Body.Text(body, "webhook_id") ?? app.ActivitySubscriptions[index].WebhookId;
                if (app.V2Webhooks.All(w => w.Id != webhookId))
                {
                    return V2Results.WebhookIdInvalid(webhookId);
                }

                var changed = app.ActivitySubscriptions[index] with { Tag = V2Body.Text(body, "tag") ?? app.ActivitySubscriptions[index].Tag, WebhookId = webhookId };
                app.ActivitySubscriptions[index] = changed;
                return V2Results.Data(V2Json.Subscription(changed), meta: new JsonObject { ["total_subscriptions"] = app.ActivitySubscriptions.Count });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(500);

        x.MapDelete("/2/activity/subscriptions/{id}", (string id, HttpContext http, EmulatorWorld world) =>
        {
            var app = XCaller.Of(http).App;
            lock (world.Gate)
            {
                if (app.ActivitySubscriptions.RemoveAll(s => s.Id == id) == 0)
                {
                    return V2Results.InvalidRequest("SubscriptionNotFound", $"The subscription id {id} is not valid for this application.");
                }

                return V2Results.Data(new JsonObject { ["deleted"] = true }, meta: new JsonObject { ["total_subscriptions"] = app.ActivitySubscriptions.Count });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(500);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, EmulatorWorld world)
    {
        var caller = XCaller.Of(http);
        var body = await V2Body.ReadAsync(http);
        var eventType = V2Body.Text(body, "event_type");
        var userId = V2Body.Text(body?["filter"], "user_id");
        var webhookId = V2Body.Text(body, "webhook_id");
        var tag = V2Body.Text(body, "tag");
        if (eventType is null || !V2Limits.EventTypes.Contains(eventType))
        {
            return V2Results.InvalidParameter("event_type", $"The `event_type` value [{eventType}] is not one of [{string.Join(", ", V2Limits.EventTypes)}].");
        }

        if (userId is null)
        {
            return V2Results.InvalidParameter("filter", "The `filter.user_id` field is required for this event type.");
        }

        if (tag is { Length: 0 or > 200 })
        {
            return V2Results.InvalidParameter("tag", "The `tag` field must be 1 to 200 characters.");
        }

        // Private events are the user's: only their own authorization subscribes to them.
        if (userId != caller.User!.Id)
        {
            return V2Results.Forbidden("You are not authorized to subscribe to private events of this user.");
        }

        if (eventType.StartsWith("dm.", StringComparison.Ordinal) && !caller.Token!.CanWriteAndMessage)
        {
            return V2Results.NoOAuth1Permission();
        }

        EmulatedSubscription subscription;
        int total;
        lock (world.Gate)
        {
            var app = caller.App;
            if (webhookId is null || app.V2Webhooks.All(w => w.Id != webhookId))
            {
                return V2Results.WebhookIdInvalid(webhookId);
            }

            if (app.ActivitySubscriptions.Any(s => s.EventType == eventType && s.UserId == userId && s.WebhookId == webhookId))
            {
                return V2Results.InvalidRequest("DuplicateSubscriptionFailed", "Subscription already exists");
            }

            if (app.ActivitySubscriptions.Count >= V2Limits.ActivitySubscriptions(app.Access))
            {
                return V2Results.InvalidRequest("SubscriptionLimitExceeded", "The maximum number of subscriptions for this application has been reached.");
            }

            subscription = new EmulatedSubscription
            {
                Id = world.NextId(), EventType = eventType, UserId = userId, WebhookId = webhookId, Tag = tag, CreatedAt = world.Now,
            };
            app.ActivitySubscriptions.Add(subscription);
            total = app.ActivitySubscriptions.Count;
        }

        world.NotifyChanged();
        return V2Results.Data(V2Json.Subscription(subscription), meta: new JsonObject { ["total_subscriptions"] = total });
    }

    /// <summary>X's pagination tokens are opaque base32 strings of at least 16 characters; ours carry an offset.</summary>
    private static class PageToken
    {
        private const string Prefix = "PAGEOFFSET";

        public static string Of(int offset) => Prefix + offset.ToString("D8", CultureInfo.InvariantCulture);

        public static int Offset(string? token) =>
            token is { Length: > 10 } && token.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(token[Prefix.Length..], CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }
}
