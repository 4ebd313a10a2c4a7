using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>
/// The X Activity API's deliveries (docs.x.com x-api/activity): an envelope per matching subscription, to that
/// subscription's webhook while it is valid, signed like every webhook POST. What was delivered (or tried) is kept a
/// day, for <c>POST /2/webhooks/replay</c>.
/// </summary>
public sealed class ActivityDeliveries(EmulatorWorld world, WebhookDeliveries deliveries)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(24);
    private readonly List<Delivered> history = [];

    /// <summary>Whether any app has an X Activity subscription: without one, no payload need be built. Call holding the world's gate.</summary>
    public bool AnySubscription => world.Apps.Any(a => a.ActivitySubscriptions.Count > 0);

    /// <summary>Queues <paramref name="payload"/> for every subscription to <paramref name="eventType"/> for the user. Call holding the world's gate.</summary>
    public void Publish(string eventType, string userId, JsonObject payload, JsonObject? includes = null)
    {
        foreach (var app in world.Apps)
        {
            foreach (var subscription in app.ActivitySubscriptions.Where(s => s.EventType == eventType && s.UserId == userId))
            {
                if (app.V2Webhooks.FirstOrDefault(w => w.Id == subscription.WebhookId) is not { } webhook)
                {
                    continue;
                }

                var envelope = new JsonObject
                {
                    ["event_uuid"] = EventUuid(),
                    ["filter"] = new JsonObject { ["user_id"] = userId },
                    ["event_type"] = eventType,
                };
                if (subscription.Tag is not null)
                {
                    envelope["tag"] = subscription.Tag;
                }

                envelope["payload"] = payload.DeepClone();
                if (includes is not null)
                {
                    envelope["includes"] = includes.DeepClone();
                }

                var body = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["data"] = envelope }.ToJsonString());
                var delivery = new WebhookDelivery(webhook.Url, app.ConsumerSecret, AccountActivityTier.Sandbox, userId, body);
                Remember(new Delivered(app.Id, webhook.Id, world.Now, delivery));
                // An invalid webhook gets nothing; the delivery stays in the history, for a replay once it is valid again.
                if (webhook.Valid)
                {
                    deliveries.Enqueue(delivery);
                }
            }
        }
    }

    /// <summary>Delivers again what went (or should have gone) to the webhook in [from, to].</summary>
    public void Replay(string appId, string webhookId, DateTimeOffset from, DateTimeOffset to)
    {
        List<WebhookDelivery> again;
        lock (history)
        {
            again = [.. history.Where(d => d.AppId == appId && d.WebhookId == webhookId && d.At >= from && d.At <= to).Select(d => d.Delivery)];
        }

        foreach (var delivery in again)
        {
            deliveries.Enqueue(delivery);
        }
    }

    private void Remember(Delivered delivered)
    {
        lock (history)
        {
            history.RemoveAll(d => d.At < delivered.At - Kept);
            history.Add(delivered);
        }
    }

    /// <summary>X's event ids are 64-bit numbers as strings, and can be negative.</summary>
    private static string EventUuid() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Delivered(string AppId, string WebhookId, DateTimeOffset At, WebhookDelivery Delivery);
}
