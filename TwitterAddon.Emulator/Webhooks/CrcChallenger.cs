using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>
/// X's Challenge-Response Check (x-api.md 3.1): a signed GET with crc_token and nonce, answered within the
/// deadline by <c>{"response_token":"sha256=..."}</c>. Failures carry X's 214 reasons word for word.
/// </summary>
public sealed class CrcChallenger(IHttpClientFactory httpClients, IOptions<EmulatorOptions> options)
{
    public const string HttpClientName = "emulator-webhooks";
    public const string HighLatency = "High latency on CRC GET request. Your webhook should respond in less than 3 seconds.";
    public const string Non200 = "Non-200 response code during CRC GET request (i.e. 404, 500, etc).";
    public const string BadResponse = "Invalid CRC token or json response format.";

    /// <summary>Null when the webhook answered correctly; otherwise the 214 failure X would report.</summary>
    public async Task<XFailure?> ChallengeAsync(string webhookUrl, string consumerSecret, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var query = $"crc_token={OAuthSignature.Encode(token)}&nonce={nonce}";
        using var request = new HttpRequestMessage(HttpMethod.Get, webhookUrl + (webhookUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(consumerSecret, Encoding.UTF8.GetBytes(query)));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.WebhookDeadline);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, deadline.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Rejected(Non200);
            }

            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return AnswerMatches(body, WebhookSignature.CrcResponseToken(consumerSecret, token)) ? null : Rejected(BadResponse);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Rejected(HighLatency);
        }
        catch (HttpRequestException)
        {
            return Rejected(Non200);
        }
    }

    private static bool AnswerMatches(string body, string expected)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("response_token", out var answer)
                && answer.ValueKind == JsonValueKind.String
                && OAuthSignature.AreEqual(expected, answer.GetString()!);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static XFailure Rejected(string reason) => new(403, 214, reason);
}
