using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>X-shaped answers: <c>{"errors":[{"code":..,"message":".."}]}</c> and raw JSON bodies.</summary>
public static class XResults
{
    /// <summary>The failure in the words of the request's API generation: v1.1 codes, or the problem v2 sends for the same case.</summary>
    public static IResult Error(HttpContext http, XFailure failure) => V2.V2Paths.Is(http) ? V2.V2Failures.Of(failure) : Error(failure);

    public static IResult Error(XFailure failure) =>
        Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message }),
        }, failure.Status);

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static IResult From<T>(XOutcome<T> outcome, Func<T, JsonNode> toJson)
        where T : class =>
        outcome.Failure is { } failure ? Error(failure) : Json(toJson(outcome.Value!));
}
