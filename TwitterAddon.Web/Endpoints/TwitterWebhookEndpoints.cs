using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Web.Endpoints;

/// <summary>
/// X's calls to this host (x-api.md 3): the CRC GET and the signed event POSTs, at
/// <c>/webhooks/twitter/{webhook key}</c>. Answers carry a short text body so no HTML error page replaces them.
/// </summary>
public static class TwitterWebhookEndpoints
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTwitterWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup(WebhookAddress.PathPrefix.TrimEnd('/')).AllowAnonymous().DisableAntiforgery();

        webhooks.MapGet("/{key}", async (string key, HttpContext http, WebhookReceiver inbox) =>
        {
            var token = http.Request.Query["crc_token"].ToString();
            if (!WebhookReceiver.IsPlausibleCrcToken(token))
            {
                return Results.Text("crc_token is missing or is not an X token.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (inbox.AnswerCrc(key, token) is not { } answer)
            {
                return Results.Text("No X app is connected at this address.", statusCode: StatusCodes.Status404NotFound);
            }

            await inbox.RecordCrcAsync(key, http.RequestAborted);
            return Results.Json(new CrcAnswer(answer));
        });

        webhooks.MapPost("/{key}", async (string key, HttpContext http, WebhookReceiver inbox) =>
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return Results.Text("The body is over 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var body = await ReadBodyAsync(http);
            if (body is null)
            {
                return Results.Text("The body is over 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            if (inbox.Verify(key, body, http.Request.Headers[WebhookSignature.HeaderName]) != WebhookSignatureCheck.Valid)
            {
                return Results.Text("The x-twitter-webhooks-signature does not match.", statusCode: StatusCodes.Status401Unauthorized);
            }

            await inbox.StoreAsync(key, body, http.RequestAborted);
            return Results.Text("ok");
        });

        endpoints.MapPost(IntermediaryReceiver.Path, async (HttpContext http, IntermediaryReceiver intermediary) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (await intermediary.AuthenticateAsync(key, http.RequestAborted) is not { } webhookKey)
            {
                return Results.Text("Send the Direct Message channel's API key as a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (http.Request.ContentLength > MaxBodyBytes || await ReadBodyAsync(http) is not { } body)
            {
                return Results.Text("The body is over 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            await intermediary.StoreAsync(webhookKey, body, http.RequestAborted);
            return Results.Text("ok");
        }).AllowAnonymous().DisableAntiforgery();

        return endpoints;
    }

    /// <summary>The raw bytes as sent (the signature covers exactly them), or null past the size limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed record CrcAnswer([property: System.Text.Json.Serialization.JsonPropertyName("response_token")] string ResponseToken);
}
