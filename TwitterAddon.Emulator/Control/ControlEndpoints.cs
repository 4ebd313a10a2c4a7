using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Api;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Control;

/// <summary>
/// The emulator's own API (not X's), documented in README: play customers, look at what the account sent,
/// inject faults, run the CRC. Unauthenticated, so it only exists where the emulator is switched on, and it answers
/// only callers on this machine (<see cref="LoopbackOnlyFilter"/>).
/// </summary>
public static class ControlEndpoints
{
    public static void MapControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/world", (EmulatorWorld world) => XResults.Json(WorldJson.Summary(world)));

        control.MapPost("/users", async (HttpContext http, Sandbox sandbox, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<CreateUserRequest>(http);
            return error ?? Answer(sandbox.CreateUser(request!.ScreenName!, request.Name!, request.DirectMessagesOpen ?? true), world, UserJson.Full);
        });

        control.MapPatch("/users/{id}", async (string id, HttpContext http, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<UpdateUserRequest>(http);
            if (error is not null)
            {
                return error;
            }

            IResult changed;
            lock (world.Gate)
            {
                if (UserReference.Find(world, id) is not { } user)
                {
                    return XResults.Error(new XFailure(404, 108, "Cannot find specified user."));
                }

                user.DirectMessagesOpen = request!.DirectMessagesOpen ?? user.DirectMessagesOpen;
                changed = XResults.Json(UserJson.Full(user));
            }

            world.NotifyChanged();
            return changed;
        });

        control.MapPatch("/apps/{id}", async (string id, HttpContext http, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<UpdateAppRequest>(http);
            if (error is not null)
            {
                return error;
            }

            lock (world.Gate)
            {
                if (world.Apps.FirstOrDefault(a => a.Id == id || a.ConsumerKey == id) is not { } app)
                {
                    return XResults.Error(XFailure.NotFound());
                }

                app.Access = AppAccess.Parse(request!.Access)!.Value;
            }

            world.NotifyChanged();
            return Results.NoContent();
        });

        control.MapPatch("/tokens/{token}", async (string token, HttpContext http, EmulatorWorld world, WebhookDeliveries deliveries, TimeProvider clock) =>
        {
            var (request, error) = await ControlBody.ReadAsync<UpdateTokenRequest>(http);
            if (error is not null)
            {
                return error;
            }

            lock (world.Gate)
            {
                if (!world.Tokens.TryGetValue(token, out var found))
                {
                    return XResults.Error(XFailure.NotFound());
                }

                found.CanWriteAndMessage = request!.CanWriteAndMessage ?? found.CanWriteAndMessage;
                if (request.Revoked == true && !found.Revoked && world.Apps.FirstOrDefault(a => a.Id == found.AppId) is { } app)
                {
                    deliveries.PublishRevoke(app, found.UserId, clock.GetUtcNow());
                }

                found.Revoked = request.Revoked ?? found.Revoked;
            }

            world.NotifyChanged();
            return Results.NoContent();
        });

        control.MapPost("/direct_messages", async (HttpContext http, Sandbox sandbox, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<CustomerDirectMessageRequest>(http);
            return error ?? Answer(sandbox.SendDirectMessage(request!.Sender!, request.Recipient, request.Text!), world,
                m => DirectMessageJson.Event(m, world));
        });

        control.MapPost("/tweets", async (HttpContext http, Sandbox sandbox, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<CustomerTweetRequest>(http);
            return error ?? Answer(sandbox.PostTweet(request!.Author!, request.Text!, request.InReplyToStatusId, request.QuotedStatusId), world,
                t => TweetJson.Build(t, world));
        });

        control.MapPost("/retweets", async (HttpContext http, Sandbox sandbox, EmulatorWorld world) =>
        {
            var (request, error) = await ControlBody.ReadAsync<RetweetRequest>(http);
            return error ?? Answer(sandbox.Retweet(request!.User!, request.TweetId!), world, t => TweetJson.Build(t, world));
        });

        control.MapGet("/sent", (string? user, Sandbox sandbox, EmulatorWorld world) =>
        {
            var (messages, tweets) = sandbox.SentBy(string.IsNullOrEmpty(user) ? SandboxSeed.AccountId : user);
            lock (world.Gate)
            {
                return XResults.Json(new JsonObject
                {
                    ["direct_messages"] = new JsonArray([.. messages.Select(m => (JsonNode)DirectMessageJson.Event(m, world))]),
                    ["tweets"] = new JsonArray([.. tweets.Select(t => (JsonNode)TweetJson.Build(t, world))]),
                });
            }
        });

        control.MapPut("/faults", async (HttpContext http, FaultInjector faults) =>
        {
            var (request, error) = await ControlBody.ReadAsync<FaultPlanRequest>(http);
            if (error is not null)
            {
                return error;
            }

            var none = FaultPlan.None;
            faults.Set(new FaultPlan
            {
                ErrorRate = request!.ErrorRate ?? none.ErrorRate, ErrorStatus = request.ErrorStatus ?? none.ErrorStatus,
                ErrorCode = request.ErrorCode ?? none.ErrorCode, LatencyMs = request.LatencyMs ?? none.LatencyMs,
                FailNextCount = request.FailNextCount ?? 0, FailNextStatus = request.FailNextStatus ?? none.FailNextStatus,
                FailNextCode = request.FailNextCode ?? none.FailNextCode, DuplicateDeliveries = request.DuplicateDeliveries ?? false,
                SlowAnswerRate = request.SlowAnswerRate ?? 0, SlowAnswerMs = request.SlowAnswerMs ?? none.SlowAnswerMs,
                Script = [.. (request.Script ?? []).Select(a => new ScriptedAnswer(a.Answer!, a.Status ?? 503, a.Code ?? 131))],
            });
            return Results.NoContent();
        });

        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Set(FaultPlan.None);
            return Results.NoContent();
        });

        control.MapPost("/crc", async (WebhookRevalidation revalidation, EmulatorWorld world, HttpContext http) =>
        {
            await revalidation.CheckAllAsync(http.RequestAborted);
            return XResults.Json(WorldJson.Summary(world));
        });

        control.MapGet("/deliveries", (WebhookDeliveries deliveries) =>
            XResults.Json(new JsonArray([.. deliveries.RecentDeliveries.Select(d => (JsonNode)new JsonObject
            {
                ["at"] = d.At, ["webhook_url"] = d.WebhookUrl, ["for_user_id"] = d.ForUserId,
                ["attempt"] = d.Attempt, ["status"] = d.Status, ["outcome"] = d.Outcome,
                ["retry_in_seconds"] = d.RetryIn?.TotalSeconds,
            })])));
    }

    private static IResult Answer<T>(XOutcome<T> outcome, EmulatorWorld world, Func<T, JsonNode> toJson)
        where T : class
    {
        lock (world.Gate)
        {
            return XResults.From(outcome, toJson);
        }
    }
}
