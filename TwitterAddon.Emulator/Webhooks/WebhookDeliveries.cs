using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using TwitterAddon.Emulator.Api;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>
/// Where X's events go: every valid webhook of every environment in which the user is subscribed gets the
/// payload (one copy per app, as on X). <see cref="WebhookDeliveryWorker"/> drains the queue.
/// </summary>
public sealed class WebhookDeliveries(EmulatorWorld world, FaultInjector faults)
{
    private const int LogSize = 500;
    private readonly Channel<WebhookDelivery> queue = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly ConcurrentQueue<DeliveryRecord> log = new();

    public ChannelReader<WebhookDelivery> Pending => queue.Reader;

    public IReadOnlyList<DeliveryRecord> RecentDeliveries => [.. log];

    /// <summary>Queues the payload for the user's subscriptions. Call while holding the world's gate.</summary>
    public void Publish(string forUserId, JsonObject payload)
    {
        byte[]? body = null;
        foreach (var app in world.Apps)
        {
            foreach (var environment in app.Environments.Where(e => e.SubscribedUserIds.Contains(forUserId)))
            {
                foreach (var webhook in environment.Webhooks.Where(w => w.Valid))
                {
                    body ??= System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
                    Enqueue(new WebhookDelivery(webhook.Url, app.ConsumerSecret, environment.Tier, forUserId, body));
                }
            }
        }
    }

    /// <summary>
    /// The user removed the app (x-api.md 4.1 user_event): its webhooks hear of it, and X deletes the user's
    /// subscriptions itself. Call while holding the world's gate.
    /// </summary>
    public void PublishRevoke(EmulatedApp app, string userId, DateTimeOffset at)
    {
        var payload = new JsonObject
        {
            ["user_event"] = new JsonObject
            {
                ["revoke"] = new JsonObject
                {
                    ["date_time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["target"] = new JsonObject { ["app_id"] = app.Id },
                    ["source"] = new JsonObject { ["user_id"] = userId },
                },
            },
        };
        var body = System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
        foreach (var webhook in app.ActivitySubscriptions.Where(s => s.UserId == userId && s.EventType == "oauth.revoke")
                     .Select(s => app.V2Webhooks.FirstOrDefault(w => w.Id == s.WebhookId && w.Valid)).OfType<EmulatedWebhook>().DistinctBy(w => w.Id))
        {
            // The X Activity API's oauth.revoke: an empty filter, the user and app in the payload (docs.x.com event-payloads).
            var envelope = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["event_uuid"] = world.NextId(), ["filter"] = new JsonObject(), ["event_type"] = "oauth.revoke",
                    ["payload"] = new JsonObject
                    {
                        ["date_time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
                        ["user_id"] = userId, ["app_id"] = app.Id,
                    },
                },
            };
            Enqueue(new WebhookDelivery(webhook.Url, app.ConsumerSecret, AccountActivityTier.Sandbox, userId,
                System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString())));
        }

        // The user's authorization is gone: so are the subscriptions made with it.
        app.ActivitySubscriptions.RemoveAll(s => s.UserId == userId);
        foreach (var environment in app.Environments.Where(e => e.SubscribedUserIds.Remove(userId)))
        {
            foreach (var webhook in environment.Webhooks.Where(w => w.Valid))
            {
                queue.Writer.TryWrite(new WebhookDelivery(webhook.Url, app.ConsumerSecret, environment.Tier, userId, body));
            }
        }
    }

    public void Retry(WebhookDelivery delivery) => queue.Writer.TryWrite(delivery with { Attempt = delivery.Attempt + 1 });

    /// <summary>Queues one delivery (twice when the fault plan doubles deliveries).</summary>
    public void Enqueue(WebhookDelivery delivery)
    {
        queue.Writer.TryWrite(delivery);
        if (faults.Current.DuplicateDeliveries)
        {
            queue.Writer.TryWrite(delivery);
        }
    }

    public void Record(DeliveryRecord record)
    {
        log.Enqueue(record);
        while (log.Count > LogSize && log.TryDequeue(out _))
        {
        }
    }
}
