using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>
/// The account's sends (x-api.md 5): <c>direct_messages/events/new</c> and <c>statuses/update</c>; and its DM history,
/// <c>direct_messages/events/list</c> (sent and received, last 30 days, newest first, <c>count</c> up to 50, <c>cursor</c>).
/// </summary>
public static class SendingEndpoints
{
    public static void MapSendingEndpoints(this RouteGroupBuilder x)
    {
        x.MapPost("/1.1/direct_messages/events/new.json", async (HttpContext http, EmulatorWorld world, XActivity activity) =>
        {
            var caller = XCaller.Of(http);
            if (!caller.Token!.CanWriteAndMessage)
            {
                return XResults.Error(new XFailure(403, 93, "This application is not allowed to access or delete your direct messages."));
            }

            if (await ReadDirectMessageAsync(http) is not var (recipientId, text))
            {
                return XResults.Error(XFailure.MissingParameter("event.message_create.target.recipient_id or message_data.text"));
            }

            var sent = activity.SendDirectMessage(caller.User!.Id, recipientId, text, caller.App.Id);
            lock (world.Gate)
            {
                return XResults.From(sent, m => new System.Text.Json.Nodes.JsonObject { ["event"] = DirectMessageJson.Event(m, world) });
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(1000);

        x.MapGet("/1.1/direct_messages/events/list.json", (HttpContext http, EmulatorWorld world) =>
        {
            var me = XCaller.Of(http).User!.Id;
            var count = int.TryParse(http.Request.Query["count"], System.Globalization.CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, 50) : 20;
            var skip = int.TryParse(http.Request.Query["cursor"], System.Globalization.CultureInfo.InvariantCulture, out var s) ? Math.Max(0, s) : 0;
            lock (world.Gate)
            {
                var since = world.Now.AddDays(-30);
                var mine = world.DirectMessages.Where(d => (d.SenderId == me || d.RecipientId == me) && d.CreatedAt >= since)
                    .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal).Skip(skip).Take(count + 1).ToList();
                var page = new System.Text.Json.Nodes.JsonObject
                {
                    ["events"] = new System.Text.Json.Nodes.JsonArray([.. mine.Take(count).Select(d => (System.Text.Json.Nodes.JsonNode)DirectMessageJson.Event(d, world))]),
                };
                if (mine.Count > count)
                {
                    page["next_cursor"] = (skip + count).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return XResults.Json(page);
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(15);

        x.MapPost("/1.1/statuses/update.json", async (HttpContext http, EmulatorWorld world, XActivity activity) =>
        {
            var caller = XCaller.Of(http);
            if (!caller.Token!.CanWriteAndMessage)
            {
                return XResults.Error(new XFailure(403, 261, "Application cannot perform write actions."));
            }

            var parameters = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            if (http.Request.HasFormContentType)
            {
                foreach (var (key, value) in await http.Request.ReadFormAsync(http.RequestAborted))
                {
                    parameters[key] = value.ToString();
                }
            }

            var posted = activity.PostTweet(new TweetDraft(caller.User!.Id, parameters.GetValueOrDefault("status", ""))
            {
                InReplyToStatusId = parameters.GetValueOrDefault("in_reply_to_status_id") is { Length: > 0 } parent ? parent : null,
                AutoPopulateReplyMetadata = parameters.GetValueOrDefault("auto_populate_reply_metadata") == "true",
                SourceAppId = caller.App.Id,
            });
            lock (world.Gate)
            {
                return XResults.From(posted, t => TweetJson.Build(t, world));
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(300);
    }

    /// <summary>The recipient and text of X's DM body; null when the JSON is malformed or lacks them.</summary>
    private static async Task<(string RecipientId, string Text)?> ReadDirectMessageAsync(HttpContext http)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var create = json.RootElement.GetProperty("event").GetProperty("message_create");
            var recipient = create.GetProperty("target").GetProperty("recipient_id").GetString();
            var text = create.GetProperty("message_data").GetProperty("text").GetString();
            return recipient is null || text is null ? null : (recipient, text);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
