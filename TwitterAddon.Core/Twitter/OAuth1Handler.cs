using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// Signs user-context requests with OAuth 1.0a. It sits inside the retry handlers, so every attempt gets a
/// fresh nonce and timestamp. Query and form parameters are signed; a JSON body is not (X's rule).
/// </summary>
public sealed class OAuth1Handler(TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(XRequestOptions.Credentials, out var credentials))
        {
            var parameters = QueryHelpers.ParseQuery(request.RequestUri!.Query)
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))
                .ToList();
            if (request.Content is FormUrlEncodedContent form)
            {
                parameters.AddRange(QueryHelpers.ParseQuery(await form.ReadAsStringAsync(cancellationToken))
                    .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
            }

            var header = OAuthHeader.Create(
                request.Method.Method, request.RequestUri, parameters, credentials,
                OAuthHeader.NewNonce(), clock.GetUtcNow().ToUnixTimeSeconds());
            request.Headers.Authorization = new AuthenticationHeaderValue(OAuthHeader.Scheme, header);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
