using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// v2 sending in the account's user context (docs.x.com x-api/posts, x-api/direct-messages): <c>POST /2/tweets</c>
/// (201; X's reply rule on self-serve access), <c>POST /2/dm_conversations/with/:id/messages</c> (201) and the DM
/// history <c>GET /2/dm_conversations/with/:id/dm_events</c>, newest first.
/// </summary>
public static class V2SendingEndpoints
{
    public static void MapV2SendingEndpoints(this RouteGroupBuilder x)
    {
        x.MapPost("/2/tweets", async (HttpContext http, XActivity activity) =>
        {
            var caller = XCaller.Of(http);
            if (!caller.Token!.CanWriteAndMessage)
            {
                return V2Results.NoOAuth1Permission();
            }

            var body = await V2Body.ReadAsync(http);
            var text = V2Body.Text(body, "text");
            if (string.IsNullOrEmpty(text))
            {
                return V2Results.InvalidParameter("text", "The `text` field is required.");
            }

            var inReplyTo = V2Body.Text(body?["reply"], "in_reply_to_tweet_id");
            var posted = activity.PostTweet(new TweetDraft(caller.User!.Id, text)
            {
                InReplyToStatusId = inReplyTo, AutoPopulateReplyMetadata = inReplyTo is not null,
                QuotedStatusId = V2Body.Text(body, "quote_tweet_id"), SourceAppId = caller.App.Id,
                OnlyWhereSummoned = V2Limits.HasReplyRule(caller.App.Access),
            });
            if (posted.Failure is { } failure)
            {
                // The reply rule has no v1.1 code to map: it comes out as X's bare 403 with its text.
                return V2Failures.Of(failure);
            }

            var post = posted.Value!;
            return V2Results.Data(new JsonObject
            {
                ["id"] = post.Id, ["text"] = post.FullText, ["edit_history_tweet_ids"] = new JsonArray(post.Id),
            }, StatusCodes.Status201Created);
        }).AddEndpointFilter<UserContextFilter>().RateLimited(100);

        x.MapPost("/2/dm_conversations/with/{participantId}/messages", async (string participantId, HttpContext http, XActivity activity) =>
        {
            var caller = XCaller.Of(http);
            if (!caller.Token!.CanWriteAndMessage)
            {
                return V2Results.NoOAuth1Permission();
            }

            var text = V2Body.Text(await V2Body.ReadAsync(http), "text");
            if (string.IsNullOrEmpty(text))
            {
                return V2Results.InvalidParameter("text", "The `text` field is required.");
            }

            var sent = activity.SendDirectMessage(caller.User!.Id, participantId, text, caller.App.Id);
            return sent.Failure switch
            {
                { Code: 108 } => V2Results.InvalidParameter("participant_id", $"The `participant_id` value [{participantId}] is not a valid user."),
                { Code: 354 } => V2Results.InvalidParameter("text", "The `text` field is over 10000 characters."),
                { } failure => V2Failures.Of(failure),
                null => V2Results.Data(new JsonObject
                {
                    ["dm_conversation_id"] = V2Json.ConversationId(caller.User.Id, participantId), ["dm_event_id"] = sent.Value!.Id,
                }, StatusCodes.Status201Created),
            };
        }).AddEndpointFilter<UserContextFilter>().RateLimited(200);

        x.MapGet("/2/dm_conversations/with/{participantId}/dm_events", (string participantId, HttpContext http, EmulatorWorld world) =>
        {
            var me = XCaller.Of(http).User!.Id;
            var max = int.TryParse(http.Request.Query["max_results"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 100) : 100;
            lock (world.Gate)
            {
                var events = world.DirectMessages
                    .Where(d => (d.SenderId == me && d.RecipientId == participantId) || (d.SenderId == participantId && d.RecipientId == me))
                    .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal).Take(max).ToList();
                return V2Results.Data(new JsonArray([.. events.Select(d => (JsonNode)V2Json.DmEvent(d))]), meta: new JsonObject { ["result_count"] = events.Count });
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(15);
    }
}
