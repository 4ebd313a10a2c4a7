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
            // The address first: a stranger's upload to an unknown address is not read at all.
            if (!inbox.Knows(key))
            {
                return Results.Text("No X app is connected at this address.", statusCode: StatusCodes.Status404NotFound);
            }

            var (body, refused) = await ReadBodyAsync(http);
            if (refused is not null)
            {
                return refused;
            }

            if (inbox.Verify(key, body, http.Request.Headers[WebhookSignature.HeaderName]) != WebhookSignatureCheck.Valid)
            {
                return Results.Text("The x-twitter-webhooks-signature does not match.", statusCode: StatusCodes.Status401Unauthorized);
            }

            await inbox.StoreAsync(key, body, http.RequestAborted);
            return Results.Text("ok");
        }).RequireRateLimiting(UploadsPolicy);

        endpoints.MapPost(IntermediaryReceiver.Path, async (HttpContext http, IntermediaryReceiver intermediary) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (await intermediary.AuthenticateAsync(key, http.RequestAborted) is not { } webhookKey)
            {
                return Results.Text("Send the Direct Message channel's API key as a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var (body, refused) = await ReadBodyAsync(http);
            if (refused is not null)
            {
                return refused;
            }

            await intermediary.StoreAsync(webhookKey, body, http.RequestAborted);
            return Results.Text("ok");
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(UploadsPolicy);

        return endpoints;
    }

    /// <summary>
    /// The raw bytes as sent (the signature covers exactly them); or the refusal of a body over the size limit (announced
    /// or read), or of one that did not arrive within <see cref="BodyDeadline"/> (X sends a few KB at once; a trickle only
    /// holds a connection).
    /// </summary>
    private static async Task<(byte[] Body, IResult? Refused)> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return ([], TooLarge);
        }

        // On the host's one clock, so that tests move it instead of waiting ten seconds.
        using var late = new CancellationTokenSource(BodyDeadline, http.RequestServices.GetRequiredService<TimeProvider>());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, late.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return ([], TooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return ([], Results.Text("The body took too long to arrive.", statusCode: StatusCodes.Status408RequestTimeout));
        }

        return (buffer.ToArray(), null);
    }

    private static readonly IResult TooLarge = Results.Text("The body is over 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>How long a delivery's body may take to arrive; X itself gives up on a delivery after 3 seconds.</summary>
    public static readonly TimeSpan BodyDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Uploads read at once across the webhook and intermediary endpoints; more wait for none and get 503 (X retries).</summary>
    public const int ConcurrentUploads = 128;

    public const string UploadsPolicy = "webhook-uploads";

    private sealed record CrcAnswer([property: System.Text.Json.Serialization.JsonPropertyName("response_token")] string ResponseToken);
}
