using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TwitterAddon.Core.Telemetry;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// The one HTTP pipeline to X that both API generations use (<see cref="XApiClient"/> v1.1, <see cref="XApiV2Client"/>
/// v2): user context signed with OAuth 1.0a or the app-only bearer token, X's error bodies of either generation
/// turned into <see cref="XApiException"/>, and no answer at all turned into one too. The base address is
/// <c>Twitter:ApiBaseUrl</c>, so the same code talks to X or to the emulator.
/// </summary>
public sealed class XTransport(HttpClient http, XBearerTokenCache bearerTokens)
{
    private static readonly Counter<long> Calls = AddonMeter.Instance.CreateCounter<long>(
        "twitteraddon.x.calls", "{call}", "Calls to X's API by endpoint and HTTP status (unreachable: no answer), after the client's own retries");

    /// <summary>The credentials' user signs the request (OAuth 1.0a, by <see cref="OAuth1Handler"/>).</summary>
    public static XAuth User(OAuthCredentials credentials) => new(credentials, null);

    /// <summary>The app's bearer token, fetched once per app (<c>POST oauth2/token</c>).</summary>
    public async Task<XAuth> AppAsync(OAuthCredentials credentials, CancellationToken cancellationToken) =>
        new(null, new AuthenticationHeaderValue("Bearer", await bearerTokens.GetAsync(credentials, RequestBearerTokenAsync, cancellationToken)));

    /// <summary>App-only bearer token for the consumer key and secret (<c>POST oauth2/token</c>, client credentials).</summary>
    private async Task<string> RequestBearerTokenAsync(OAuthCredentials credentials, CancellationToken cancellationToken)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{OAuthSignature.Encode(credentials.ConsumerKey)}:{OAuthSignature.Encode(credentials.ConsumerSecret)}"));
        var token = await SendAsync(HttpMethod.Post, "oauth2/token", [], new XAuth(null, new AuthenticationHeaderValue("Basic", basic)),
            XJsonContext.Default.XBearerToken, cancellationToken,
            new StringContent("grant_type=client_credentials", Encoding.UTF8, "application/x-www-form-urlencoded"));
        return token is { TokenType: var type, AccessToken: { Length: > 0 } value } && type.Equals("bearer", StringComparison.OrdinalIgnoreCase)
            ? value
            : throw new XApiException("X answered oauth2/token without a bearer token.");
    }

    public static string Segment(string value) => OAuthSignature.Encode(value);

    public async Task<T?> SendAsync<T>(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, XAuth auth,
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

    /// <summary>A JSON request body, serialized with the source-generated contract.</summary>
    public static HttpContent Body<T>(T value, JsonTypeInfo<T> type) => JsonContent.Create(value, type);

    /// <summary>No answer from X (network, timeout, open circuit) becomes an <see cref="XApiException"/> too, so callers handle one thing.</summary>
    private async Task<HttpResponseMessage> SendOrExplainAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        var endpoint = new KeyValuePair<string, object?>("endpoint", XEndpoint.Of(request.Method, path));
        try
        {
            var response = await http.SendAsync(request, cancellationToken);
            Calls.Add(1, endpoint, new("status", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Calls.Add(1, endpoint, new("status", "unreachable"));
            throw new XApiException($"X could not be reached for {path}: {e.Message}", e);
        }
    }

    /// <summary>v1.1 answers <c>{"errors":[{"code","message"}]}</c>; v2 a problem (<c>title</c>, <c>detail</c>, <c>type</c>) and/or <c>errors[]</c>.</summary>
    private static async Task<XApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        XErrorBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(XJsonContext.Default.XErrorBody, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // A 5xx from a proxy is often HTML: the status alone has to do.
        }

        var problem = body?.Title is null && body?.Detail is null && body?.Type is null ? null : new XProblem(body.Title, body.Detail, body.Type);
        return new XApiException((int)response.StatusCode, body?.Errors ?? [], RateLimitHandler.ResetOf(response), problem);
    }
}

/// <summary>User context (signed by <see cref="OAuth1Handler"/>) or a ready Authorization header (bearer, basic).</summary>
public sealed record XAuth(OAuthCredentials? Credentials, AuthenticationHeaderValue? Header);
