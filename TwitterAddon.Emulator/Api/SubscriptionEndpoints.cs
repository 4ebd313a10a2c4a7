using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>Account Activity subscriptions (x-api.md 2): subscribe, check, count, list, unsubscribe.</summary>
public static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this RouteGroupBuilder x)
    {
        var all = x.MapGroup("/1.1/account_activity/all");

        all.MapPost("/{env}/subscriptions.json", (string env, HttpContext http, EmulatorWorld world) =>
        {
            var caller = XCaller.Of(http);
            lock (world.Gate)
            {
                if (WebhookEndpoints.Environment(http, env) is not { } environment)
                {
                    return XResults.Error(XFailure.NotFound());
                }

                if (!caller.Token!.CanWriteAndMessage)
                {
                    return XResults.Error(new XFailure(403, 261, "Application cannot perform write actions."));
                }

                if (environment.SubscribedUserIds.Contains(caller.User!.Id))
                {
                    return XResults.Error(new XFailure(409, 355, "Subscription already exists."));
                }

                if (environment.SubscribedUserIds.Count >= TierLimits.Subscriptions(environment.Tier))
                {
                    return XResults.Error(new XFailure(403, 214, "Too many resources already created."));
                }

                environment.SubscribedUserIds.Add(caller.User.Id);
            }

            world.NotifyChanged();
            return Results.NoContent();
        }).AddEndpointFilter<UserContextFilter>().RateLimited(500);

        all.MapGet("/{env}/subscriptions.json", (string env, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                return WebhookEndpoints.Environment(http, env)?.SubscribedUserIds.Contains(XCaller.Of(http).User!.Id) == true
                    ? Results.NoContent()
                    : XResults.Error(XFailure.NotFound());
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(500);

        all.MapGet("/subscriptions/count.json", (HttpContext http, EmulatorWorld world) =>
        {
            var app = XCaller.Of(http).App;
            lock (world.Gate)
            {
                return XResults.Json(new JsonObject
                {
                    ["account_name"] = app.Name,
                    ["subscriptions_count"] = app.Environments.Sum(e => e.SubscribedUserIds.Count).ToString(CultureInfo.InvariantCulture),
                    ["provisioned_count"] = app.Environments.Sum(e => TierLimits.Subscriptions(e.Tier)).ToString(CultureInfo.InvariantCulture),
                });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(15);

        all.MapGet("/{env}/subscriptions/list.json", (string env, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                return WebhookEndpoints.Environment(http, env) is not { } environment
                    ? XResults.Error(XFailure.NotFound())
                    : XResults.Json(new JsonObject
                    {
                        ["environment"] = environment.Label,
                        ["application_id"] = XCaller.Of(http).App.Id,
                        ["subscriptions"] = new JsonArray([.. environment.SubscribedUserIds.Order().Select(id => (JsonNode)new JsonObject { ["user_id"] = id })]),
                    });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(50);

        all.MapDelete("/{env}/subscriptions/{userId}.json", (string env, string userId, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                if (WebhookEndpoints.Environment(http, env)?.SubscribedUserIds.Remove(userId) != true)
                {
                    return XResults.Error(XFailure.NotFound());
                }
            }

            world.NotifyChanged();
            return Results.NoContent();
        }).AddEndpointFilter<BearerFilter>().RateLimited(500);
    }
}
