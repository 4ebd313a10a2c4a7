using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// X API v2's answers (x-v2 wire research 0.2): a problem <c>{"title","detail","type","status"}</c> for 401, 403 and
/// 429; an "Invalid Request" problem with <c>errors[]</c> whose message starts with the reason
/// (<c>CrcValidationFailed: ...</c>) for 400s; success bodies wrapped in <c>data</c>.
/// </summary>
public static class V2Results
{
    public const string Problems = "https://api.twitter.com/2/problems/";

    /// <summary>The demo world's developer account, which owns the apps and their credits.</summary>
    private const long DeveloperAccountId = 1800000000000000001;

    public static IResult Problem(int status, string title, string detail, string type = "about:blank") =>
        XResults.Json(new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = type, ["status"] = status }, status);

    public static IResult Unauthorized() => Problem(401, "Unauthorized", "Unauthorized");

    public static IResult Forbidden(string detail, string type = "about:blank") => Problem(403, "Forbidden", detail, type);

    public static IResult TooManyRequests() => Problem(429, "Too Many Requests", "Too Many Requests");

    /// <summary>
    /// Pay-per-use with the credit balance spent: every request is refused until the balance is topped up. X's body has
    /// no <c>status</c>, and names the developer account (a JSON number) whose credits ran out.
    /// </summary>
    public static IResult CreditsDepleted() =>
        XResults.Json(new JsonObject
        {
            ["account_id"] = DeveloperAccountId,
            ["title"] = "CreditsDepleted",
            ["detail"] = $"Your enrolled account [{DeveloperAccountId}] does not have any credits to fulfill this request.",
            ["type"] = Problems + "credits",
        }, StatusCodes.Status402PaymentRequired);

    public static IResult NoOAuth1Permission() =>
        Forbidden("Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.", Problems + "oauth1-permissions");

    public static IResult UnsupportedAuthentication(string supported) => Problem(403, "Unsupported Authentication",
        $"Authenticating with {supported} is forbidden for this endpoint.", Problems + "unsupported-authentication");

    /// <summary>A 400 whose reason leads the message: <c>{"errors":[{"message":"WebhookIdInvalid: ..."}], ...}</c>.</summary>
    public static IResult InvalidRequest(string reason, string details) =>
        XResults.Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["message"] = $"{reason}: {details}" }),
            ["title"] = "Invalid Request",
            ["detail"] = "One or more parameters to your request was invalid.",
            ["type"] = Problems + "invalid-request",
        }, StatusCodes.Status400BadRequest);

    public static IResult WebhookIdInvalid(string? webhookId) =>
        InvalidRequest("WebhookIdInvalid", $"The webhook id {webhookId} is not valid for this application.");

    /// <summary>A 400 about a parameter, with X's <c>parameters</c> entry.</summary>
    public static IResult InvalidParameter(string parameter, string message) =>
        XResults.Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["parameters"] = new JsonObject { [parameter] = new JsonArray() },
                ["message"] = message,
            }),
            ["title"] = "Invalid Request",
            ["detail"] = "One or more parameters to your request was invalid.",
            ["type"] = Problems + "invalid-request",
        }, StatusCodes.Status400BadRequest);

    public static IResult Data(JsonNode data, int status = StatusCodes.Status200OK, JsonObject? meta = null)
    {
        var body = new JsonObject { ["data"] = data };
        if (meta is not null)
        {
            body["meta"] = meta;
        }

        return XResults.Json(body, status);
    }
}
