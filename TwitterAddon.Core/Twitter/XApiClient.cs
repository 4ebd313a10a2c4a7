using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// X's v1.1 REST calls the add-on makes (x-api.md sections 2 and 5). Errors come back as
/// <see cref="XApiException"/> carrying X's codes. The base address is <c>Twitter:ApiBaseUrl</c>, so the same
/// code talks to X or to the emulator.
/// </summary>
public sealed class XApiClient(HttpClient http, XBearerTokenCache bearerTokens) : IXApi
{
    private static XJsonContext Json => XJsonContext.Default;

    public Task<XUser> VerifyCredentialsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "1.1/account/verify_credentials.json", [new("skip_status", "true"), new("include_entities", "false")],
            User(credentials), Json.XUser, cancellationToken)!;

    /// <summary>X performs a CRC against <paramref name="webhookUrl"/> during this call.</summary>
    public Task<XWebhook> RegisterWebhookAsync(OAuthCredentials credentials, string environment, string webhookUrl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"1.1/account_activity/all/{Segment(environment)}/webhooks.json", [new("url", webhookUrl)],
            User(credentials), Json.XWebhook, cancellationToken)!;

    public async Task<IReadOnlyList<XWebhook>> ListWebhooksAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/webhooks.json", [],
            await AppAsync(credentials, cancellationToken), Json.IReadOnlyListXWebhook, cancellationToken) ?? [];

    public async Task<IReadOnlyList<XEnvironment>> ListEnvironmentsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, "1.1/account_activity/all/webhooks.json", [],
            await AppAsync(credentials, cancellationToken), Json.XEnvironmentList, cancellationToken))?.Environments ?? [];

    /// <summary>Asks X to run the CRC now; a passing check marks an invalid webhook valid again.</summary>
    public Task TriggerCrcAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Put, $"1.1/account_activity/all/{Segment(environment)}/webhooks/{Segment(webhookId)}.json", [],
            User(credentials), null, cancellationToken);

    public Task DeleteWebhookAsync(OAuthCredentials credentials, string environment, string webhookId, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Delete, $"1.1/account_activity/all/{Segment(environment)}/webhooks/{Segment(webhookId)}.json", [],
            User(credentials), null, cancellationToken);

    /// <summary>Subscribes the account of the access token; "already subscribed" (355) counts as done.</summary>
    public async Task SubscribeAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<object>(HttpMethod.Post, $"1.1/account_activity/all/{Segment(environment)}/subscriptions.json", [],
                User(credentials), null, cancellationToken);
        }
        catch (XApiException e) when (e.Has(XErrorCodes.SubscriptionAlreadyExists))
        {
        }
    }

    /// <summary>204 means subscribed; X's "not subscribed" is an error answer (34).</summary>
    public async Task<bool> IsSubscribedAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<object>(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/subscriptions.json", [],
                User(credentials), null, cancellationToken);
            return true;
        }
        catch (XApiException e) when (e.Has(XErrorCodes.DoesNotExist))
        {
            return false;
        }
    }

    public async Task<XSubscriptionCount> CountSubscriptionsAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, "1.1/account_activity/all/subscriptions/count.json", [],
            await AppAsync(credentials, cancellationToken), Json.XSubscriptionCount, cancellationToken))!;

    public async Task<IReadOnlyList<string>> ListSubscriptionsAsync(OAuthCredentials credentials, string environment, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, $"1.1/account_activity/all/{Segment(environment)}/subscriptions/list.json", [],
            await AppAsync(credentials, cancellationToken), Json.XSubscriptionList, cancellationToken))?.Subscriptions.Select(s => s.UserId).ToList() ?? [];

    public async Task UnsubscribeAsync(OAuthCredentials credentials, string environment, string userId, CancellationToken cancellationToken) =>
        await SendAsync<object>(HttpMethod.Delete, $"1.1/account_activity/all/{Segment(environment)}/subscriptions/{Segment(userId)}.json", [],
            await AppAsync(credentials, cancellationToken), null, cancellationToken);

    /// <summary>Sends a DM; the returned event id is what the webhook echo will carry.</summary>
    public async Task<XDirectMessageEvent> SendDirectMessageAsync(
        OAuthCredentials credentials, string recipientId, string text, CancellationToken cancellationToken)
    {
        var body = new XDirectMessageEnvelope(new XDirectMessageEvent
        {
            MessageCreate = new XMessageCreate { Target = new XMessageTarget(recipientId), MessageData = new XMessageData(text) },
        });
        var sent = await SendAsync(HttpMethod.Post, "1.1/direct_messages/events/new.json", [], User(credentials),
            Json.XDirectMessageEnvelope, cancellationToken, JsonContent.Create(body, Json.XDirectMessageEnvelope));
        return sent!.Event;
    }

    /// <summary>
    /// Posts a reply threaded under <paramref name="inReplyToStatusId"/>. auto_populate_reply_metadata makes X add
    /// the @mentions itself (they do not count), and without it X would post a stand-alone tweet.
    /// </summary>
    public Task<XTweet> PostReplyAsync(OAuthCredentials credentials, string text, string inReplyToStatusId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "1.1/statuses/update.json",
            [new("status", text), new("in_reply_to_status_id", inReplyToStatusId), new("auto_populate_reply_metadata", "true")],
            User(credentials), Json.XTweet, cancellationToken)!;

    /// <summary>App-only bearer token for the consumer key and secret (<c>POST oauth2/token</c>).</summary>
    public async Task<string> RequestBearerTokenAsync(string consumerKey, string consumerSecret, CancellationToken cancellationToken)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{OAuthSignature.Encode(consumerKey)}:{OAuthSignature.Encode(consumerSecret)}"));
        var token = await SendAsync(HttpMethod.Post, "oauth2/token", [], new Auth(null, new AuthenticationHeaderValue("Basic", basic)),
            Json.XBearerToken, cancellationToken,
            new StringContent("grant_type=client_credentials", Encoding.UTF8, "application/x-www-form-urlencoded"));
        return token is { TokenType: var type, AccessToken: { Length: > 0 } value } && type.Equals("bearer", StringComparison.OrdinalIgnoreCase)
            ? value
            : throw new XApiException("X answered oauth2/token without a bearer token.");
    }

    private static Auth User(OAuthCredentials credentials) => new(credentials, null);

    private async Task<Auth> AppAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        new(null, new AuthenticationHeaderValue("Bearer", await bearerTokens.GetAsync(credentials, this, cancellationToken)));

    private static string Segment(string value) => OAuthSignature.Encode(value);

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, Auth auth,
        JsonTypeInfo<T>? responseType, CancellationToken cancellationToken, HttpContent? content = null)
    {
        var url = query.Count == 0
            ? path
            : path + "?" + string.Join("&", query.Select(p => $"{OAuthSignature.Encode(p.Key)}={OAuthSignature.Encode(p.Value)}"));
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (auth.Credentials is not null)
        {
            request.Options.Set(XRequestOptions.Credentials, auth.Credentials);
        }

        request.Headers.Authorization = auth.Header;

        using var response = await SendOrExplainAsync(request, path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }

        if (responseType is null || response.StatusCode == HttpStatusCode.NoContent)
        {
            return default;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new XApiException($"X answered {path} with a body that is not the expected JSON.", e);
        }
    }

    /// <summary>No answer from X (network, timeout, open circuit) becomes an <see cref="XApiException"/> too, so callers handle one thing.</summary>
    private async Task<HttpResponseMessage> SendOrExplainAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new XApiException($"X could not be reached for {path}: {e.Message}", e);
        }
    }

    private static async Task<XApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        IReadOnlyList<XError> errors = [];
        try
        {
            errors = (await response.Content.ReadFromJsonAsync(XJsonContext.Default.XErrorBody, cancellationToken))?.Errors ?? [];
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // A 5xx from a proxy is often HTML: the status alone has to do.
        }

        return new XApiException((int)response.StatusCode, errors, RateLimitHandler.ResetOf(response));
    }

    /// <summary>User context (signed by <see cref="OAuth1Handler"/>) or a ready Authorization header (bearer, basic).</summary>
    private sealed record Auth(OAuthCredentials? Credentials, AuthenticationHeaderValue? Header);
}
