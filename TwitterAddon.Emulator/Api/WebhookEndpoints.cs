using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>Account Activity v1.1 premium webhook management (x-api.md 2): register (with a real CRC), list, PUT, DELETE.</summary>
public static class WebhookEndpoints
{
    private const string UrlRequirements = "Webhook URL does not meet the requirements.";

    public static void MapWebhookEndpoints(this RouteGroupBuilder x)
    {
        var all = x.MapGroup("/1.1/account_activity/all");

        all.MapPost("/{env}/webhooks.json", RegisterAsync).AddEndpointFilter<UserContextFilter>().RateLimited(15);

        all.MapGet("/webhooks.json", (HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                var environments = new JsonArray([.. XCaller.Of(http).App.Environments.Select(e => (JsonNode)new JsonObject
                {
                    ["environment_name"] = e.Label,
                    ["webhooks"] = new JsonArray([.. e.Webhooks.Select(Listed)]),
                })]);
                return XResults.Json(new JsonObject { ["environments"] = environments });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(15);

        all.MapGet("/{env}/webhooks.json", (string env, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                return Environment(http, env) is { } environment
                    ? XResults.Json(new JsonArray([.. environment.Webhooks.Select(Listed)]))
                    : XResults.Error(XFailure.NotFound());
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(15);

        all.MapPut("/{env}/webhooks/{webhookId}.json", RevalidateAsync).AddEndpointFilter<UserContextFilter>().RateLimited(15);

        all.MapDelete("/{env}/webhooks/{webhookId}.json", (string env, string webhookId, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                if (Environment(http, env) is not { } environment || environment.Webhooks.RemoveAll(w => w.Id == webhookId) == 0)
                {
                    return XResults.Error(new XFailure(404, 34, "Webhook does not exist or is associated with a different Twitter application."));
                }
            }

            world.NotifyChanged();
            return Results.NoContent();
        }).AddEndpointFilter<UserContextFilter>().RateLimited(15);
    }

    /// <summary>The caller's own environment; labels are case-sensitive on X.</summary>
    internal static EmulatedEnvironment? Environment(HttpContext http, string label) =>
        XCaller.Of(http).App.Environments.FirstOrDefault(e => e.Label == label);

    private static async Task<IResult> RegisterAsync(
        string env, HttpContext http, EmulatorWorld world, CrcChallenger challenger, IOptions<EmulatorOptions> options)
    {
        var caller = XCaller.Of(http);
        var url = http.Request.Query["url"].ToString();
        lock (world.Gate)
        {
            if (Environment(http, env) is not { } environment)
            {
                return XResults.Error(XFailure.NotFound());
            }

            if (!caller.Token!.CanWriteAndMessage)
            {
                return XResults.Error(new XFailure(403, 261, "Application cannot perform write actions."));
            }

            if (!MeetsRequirements(url, options.Value.StrictWebhookUrls))
            {
                return XResults.Error(new XFailure(403, 214, UrlRequirements));
            }

            if (environment.Webhooks.Count >= TierLimits.WebhooksPerEnvironment)
            {
                return XResults.Error(new XFailure(403, 214, "Too many resources already created."));
            }
        }

        // X calls the URL before answering: the webhook must already answer the CRC with this app's secret.
        if (await challenger.ChallengeAsync(url, caller.App.ConsumerSecret, http.RequestAborted) is { } failure)
        {
            return XResults.Error(failure);
        }

        EmulatedWebhook webhook;
        lock (world.Gate)
        {
            var environment = Environment(http, env)!;
            if (environment.Webhooks.Count >= TierLimits.WebhooksPerEnvironment)
            {
                return XResults.Error(new XFailure(403, 214, "Too many resources already created."));
            }

            webhook = new EmulatedWebhook { Id = world.NextId(), Url = url, CreatedAt = world.Now };
            environment.Webhooks.Add(webhook);
        }

        world.NotifyChanged();
        return XResults.Json(new JsonObject
        {
            ["id"] = webhook.Id, ["url"] = webhook.Url, ["valid"] = true,
            ["created_at"] = webhook.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }

    private static async Task<IResult> RevalidateAsync(
        string env, string webhookId, HttpContext http, EmulatorWorld world, CrcChallenger challenger)
    {
        EmulatedWebhook? webhook;
        lock (world.Gate)
        {
            webhook = Environment(http, env)?.Webhooks.FirstOrDefault(w => w.Id == webhookId);
        }

        if (webhook is null)
        {
            return XResults.Error(new XFailure(404, 34, "Webhook does not exist or is associated with a different Twitter application."));
        }

        var failure = await challenger.ChallengeAsync(webhook.Url, XCaller.Of(http).App.ConsumerSecret, http.RequestAborted);
        lock (world.Gate)
        {
            webhook.Valid = failure is null;
        }

        world.NotifyChanged();
        return failure is null ? Results.NoContent() : XResults.Error(failure);
    }

    /// <summary>An absolute http(s) URL; strict mode adds X's own rules: https and no explicit port.</summary>
    internal static bool MeetsRequirements(string url, bool strict) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!strict && uri.Scheme == Uri.UriSchemeHttp))
        && (!strict || !WebhookAddress.HasExplicitPort(url, uri));

    private static JsonNode Listed(EmulatedWebhook webhook) => new JsonObject
    {
        ["id"] = webhook.Id, ["url"] = webhook.Url, ["valid"] = webhook.Valid,
        ["created_timestamp"] = webhook.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
    };
}
