using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// A stand-in for the add-on's webhook, for emulator tests: answers X's CRC (rightly, wrongly, slowly or not at
/// all) and keeps every delivery it receives with its signature check.
/// </summary>
public sealed class WebhookReceiver(string consumerSecret)
{
    public enum CrcBehaviour
    {
        Correct,
        WrongToken,
        NotFound,
        Slow,
        NotJson,
    }

    public CrcBehaviour Crc { get; set; } = CrcBehaviour.Correct;

    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(2);

    private readonly ChangeSignal arrived = new();
    private int attempts;

    /// <summary>How many of the next deliveries to refuse with a 500.</summary>
    public int RefuseNextDeliveries { get; set; }

    /// <summary>Deliveries X attempted, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public ConcurrentQueue<(JsonObject Body, WebhookSignatureCheck Signature)> Deliveries { get; } = new();

    public void Map(WebApplication app, string path)
    {
        app.MapGet(path, async (HttpContext http) =>
        {
            var token = http.Request.Query["crc_token"].ToString();
            switch (Crc)
            {
                case CrcBehaviour.NotFound:
                    return Results.NotFound();
                case CrcBehaviour.NotJson:
                    return Results.Text("sha256=nope");
                case CrcBehaviour.Slow:
                    await Task.Delay(SlowBy, http.RequestAborted);
                    break;
            }

            var answer = Crc == CrcBehaviour.WrongToken ? "sha256=AAAA" : WebhookSignature.CrcResponseToken(consumerSecret, token);
            return Results.Json(new { response_token = answer });
        });

        app.MapPost(path, async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var bytes = buffer.ToArray();
            try
            {
                if (RefuseNextDeliveries > 0)
                {
                    RefuseNextDeliveries--;
                    return Results.StatusCode(500);
                }

                var check = WebhookSignature.Verify(consumerSecret, bytes, http.Request.Headers[WebhookSignature.HeaderName]);
                Deliveries.Enqueue(((JsonObject)JsonNode.Parse(bytes)!, check));
                return Results.Ok();
            }
            finally
            {
                Interlocked.Increment(ref attempts);
                arrived.Pulse();
            }
        });
    }

    /// <summary>Waits until a delivery satisfying <paramref name="match"/> arrives.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var found = await arrived.UntilAsync(
            () => Task.FromResult(Deliveries.FirstOrDefault(d => match(d.Body)) is { Body: not null } delivery ? (object?)delivery : null),
            "No matching webhook delivery arrived.", timeout ?? TimeSpan.FromSeconds(10));
        var (body, signature) = ((JsonObject, WebhookSignatureCheck))found;
        Assert.Equal(WebhookSignatureCheck.Valid, signature);
        return body;
    }

    /// <summary>Waits until X has delivered <paramref name="count"/> events here (accepted ones).</summary>
    public Task WaitForDeliveriesAsync(int count) =>
        arrived.UntilAsync(() => Deliveries.Count >= count, $"X delivered {Deliveries.Count} of {count} events.");

    /// <summary>Waits until X has tried <paramref name="count"/> deliveries here, refused ones included.</summary>
    public Task WaitForAttemptsAsync(int count) =>
        arrived.UntilAsync(() => Attempts >= count, "X never tried to deliver.");
}
