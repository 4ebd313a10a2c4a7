using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>
/// Verifies OAuth 1.0a like X: known consumer key (32), live token of that app (89), timestamp within the
/// tolerance (135), unused nonce and a signature over URL, query, form and oauth_* parameters (32).
/// </summary>
public sealed class UserContextFilter(EmulatorWorld world, NonceLedger nonces, IOptions<EmulatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var failure = await VerifyAsync(http);
        if (failure is null)
        {
            return await next(context);
        }

        // Every failure here is a 401, which v2 answers with the same bare problem (x-v2 wire research 1).
        return XResults.Error(http, failure);
    }

    /// <summary>Null when the request is signed rightly; the caller is then attached to the request.</summary>
    private async Task<XFailure?> VerifyAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(OAuthHeader.Scheme + " ", StringComparison.Ordinal)
            || OAuthHeader.Parse(header[(OAuthHeader.Scheme.Length + 1)..]) is not { } oauth
            || !oauth.TryGetValue("oauth_signature", out var signature)
            || !oauth.TryGetValue("oauth_consumer_key", out var consumerKey)
            || !oauth.TryGetValue("oauth_token", out var tokenValue)
            || !oauth.TryGetValue("oauth_nonce", out var nonce)
            || !oauth.TryGetValue("oauth_timestamp", out var timestampText)
            || oauth.GetValueOrDefault("oauth_signature_method") != OAuthSignature.Method)
        {
            return XFailure.CouldNotAuthenticate();
        }

        EmulatedApp? app;
        EmulatedToken? token;
        EmulatedUser? user;
        lock (world.Gate)
        {
            app = world.FindAppByConsumerKey(consumerKey);
            token = world.Tokens.GetValueOrDefault(tokenValue);
            user = token is null ? null : world.Users.GetValueOrDefault(token.UserId);
        }

        if (app is null)
        {
            return XFailure.CouldNotAuthenticate();
        }

        if (token is null || token.Revoked || token.AppId != app.Id || user is null)
        {
            return XFailure.InvalidToken();
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (world.Now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.Value.TimestampTolerance)
        {
            return new XFailure(401, 135, "Timestamp out of bounds.");
        }

        var parameters = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            parameters.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
        }

        parameters.AddRange(oauth.Where(p => p.Key != "oauth_signature"));
        var url = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}");
        var expected = OAuthSignature.Compute(http.Request.Method, url, parameters, app.ConsumerSecret, token.Secret);
        if (!OAuthSignature.AreEqual(expected, signature)
            || !nonces.TryUse(consumerKey, nonce, world.Now, world.Now - (2 * options.Value.TimestampTolerance)))
        {
            return XFailure.CouldNotAuthenticate();
        }

        new XCaller(app, token, user).AttachTo(http);
        return null;
    }
}
