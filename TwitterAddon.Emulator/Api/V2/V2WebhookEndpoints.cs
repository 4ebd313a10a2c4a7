using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// v2 webhooks (docs.x.com x-api/webhooks): create with a CRC during the call, list, re-validate (PUT), delete, and
/// replay the last day's deliveries. App-only bearer; failures are 400s whose message starts with X's reason.
/// </summary>
public static class V2WebhookEndpoints
{
    public static void MapV2WebhookEndpoints(this RouteGroupBuilder x)
    {
        var webhooks = x.MapGroup("/2/webhooks").AddEndpointFilter<BearerFilter>();

        // The Account Activity count (x-api.md 7.2): what the developer account is provisioned for tells its access.
        // The emulator keeps no Account Activity v2 subscriptions (the add-on subscribes through the X Activity API).
        x.MapGet("/2/account_activity/subscriptions/count", (HttpContext http, EmulatorWorld world) =>
        {
            var app = XCaller.Of(http).App;
            lock (world.Gate)
            {
                return V2Results.Data(new JsonObject
                {
                    ["account_name"] = app.Name,
                    ["provisioned_count"] = V2Limits.AccountActivitySubscriptions(app.Access).ToString(CultureInfo.InvariantCulture),
                    ["subscriptions_count_all"] = "0",
                    ["subscriptions_count_direct_messages"] = "0",
                });
            }
        }).AddEndpointFilter<BearerFilter>().RateLimited(15);

        webhooks.MapGet("", (HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                var all = XCaller.Of(http).App.V2Webhooks;
                return V2Results.Data(new JsonArray([.. all.Select(w => (JsonNode)V2Json.Webhook(w))]), meta: new JsonObject { ["result_count"] = all.Count });
            }
        }).RateLimited(450);

        webhooks.MapPost("", CreateAsync).RateLimited(450);

        webhooks.MapPut("/{webhookId}", async (string webhookId, HttpContext http, EmulatorWorld world, CrcChallenger challenger) =>
        {
            var app = XCaller.Of(http).App;
            EmulatedWebhook? webhook;
            lock (world.Gate)
            {
                webhook = app.V2Webhooks.FirstOrDefault(w => w.Id == webhookId);
            }

            if (webhook is null)
            {
                return V2Results.WebhookIdInvalid(webhookId);
            }

            var failure = await challenger.ChallengeAsync(webhook.Url, app.ConsumerSecret, http.RequestAborted);
            lock (world.Gate)
            {
                webhook.Valid = failure is null;
            }

            world.NotifyChanged();
            return V2Results.Data(new JsonObject { ["valid"] = failure is null });
        }).RateLimited(450);

        webhooks.MapDelete("/{webhookId}", (string webhookId, HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                if (XCaller.Of(http).App.V2Webhooks.RemoveAll(w => w.Id == webhookId) == 0)
                {
                    return V2Results.WebhookIdInvalid(webhookId);
                }
            }

            world.NotifyChanged();
            return V2Results.Data(new JsonObject { ["deleted"] = true });
        }).RateLimited(450);

        webhooks.MapPost("/replay", ReplayAsync).RateLimited(100);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, EmulatorWorld world, CrcChallenger challenger, IOptions<EmulatorOptions> options)
    {
        var app = XCaller.Of(http).App;
        var url = V2Body.Text(await V2Body.ReadAsync(http), "url");
        if (string.IsNullOrEmpty(url))
        {
            return V2Results.InvalidParameter("url", "The `url` field is required.");
        }

        if (!WebhookEndpoints.MeetsRequirements(url, options.Value.StrictWebhookUrls))
        {
            return V2Results.InvalidRequest("UrlValidationFailed", "The URL must be a valid https URL without a port.");
        }

        lock (world.Gate)
        {
            if (app.V2Webhooks.Any(w => w.Url == url))
            {
                return V2Results.InvalidRequest("DuplicateUrlFailed", "A webhook with this URL already exists for this application.");
            }

            if (app.V2Webhooks.Count >= V2Limits.Webhooks(app.Access))
            {
                return V2Results.InvalidRequest("WebhookLimitExceeded", "The maximum number of webhooks for this account has been reached.");
            }
        }

        // X calls the URL before answering: the webhook must already answer the CRC with this app's secret.
        if (await challenger.ChallengeAsync(url, app.ConsumerSecret, http.RequestAborted) is { } failure)
        {
            return V2Results.InvalidRequest("CrcValidationFailed", $"URL returned bad response during CRC with error: {failure.Message}");
        }

        EmulatedWebhook webhook;
        lock (world.Gate)
        {
            if (app.V2Webhooks.Count >= V2Limits.Webhooks(app.Access))
            {
                return V2Results.InvalidRequest("WebhookLimitExceeded", "The maximum number of webhooks for this account has been reached.");
            }

            webhook = new EmulatedWebhook { Id = world.NextId(), Url = url, CreatedAt = world.Now };
            app.V2Webhooks.Add(webhook);
        }

        world.NotifyChanged();
        return V2Results.Data(V2Json.Webhook(webhook));
    }

    /// <summary><c>{"webhook_id","from_date","to_date"}</c>, dates yyyyMMddHHmm UTC and inclusive, at most 24 h back.</summary>
    private static async Task<IResult> ReplayAsync(HttpContext http, EmulatorWorld world, ActivityDeliveries activity)
    {
        var app = XCaller.Of(http).App;
        var body = await V2Body.ReadAsync(http);
        var webhookId = V2Body.Text(body, "webhook_id");
        if (!TryParseDate(V2Body.Text(body, "from_date"), out var from) || !TryParseDate(V2Body.Text(body, "to_date"), out var to))
        {
            return V2Results.InvalidParameter("from_date", "from_date and to_date are required, as yyyymmddhhmm (UTC).");
        }

        lock (world.Gate)
        {
            if (webhookId is null || app.V2Webhooks.All(w => w.Id != webhookId))
            {
                return V2Results.WebhookIdInvalid(webhookId);
            }
        }

        var now = world.Now;
        if (from > to || to > now || from < now.AddHours(-24).AddMinutes(-1))
        {
            return V2Results.InvalidRequest("QueryParamInvalid",
                "from_date must be within the last 24 hours and not after to_date, and to_date must not be in the future.");
        }

        // The dates are minutes, both inclusive: to_date covers its whole minute.
        activity.Replay(app.Id, webhookId, from, to.AddMinutes(1).AddTicks(-1));
        return V2Results.Data(new JsonObject { ["created_at"] = V2Json.Time(now), ["job_id"] = world.NextId() });
    }

    private static bool TryParseDate(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMddHHmm", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
