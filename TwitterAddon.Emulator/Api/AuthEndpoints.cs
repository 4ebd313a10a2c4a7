using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary><c>oauth2/token</c> (app-only bearer) and <c>account/verify_credentials</c>.</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder x)
    {
        x.MapPost("/oauth2/token", async (HttpContext http, EmulatorWorld world) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            if (form?["grant_type"].ToString() != "client_credentials")
            {
                return XResults.Error(new XFailure(403, 170, "Missing required parameter: grant_type"));
            }

            if (BasicCredentials(http) is not var (key, secret))
            {
                return XResults.Error(new XFailure(403, 99, "Unable to verify your credentials"));
            }

            EmulatedApp? app;
            lock (world.Gate)
            {
                app = world.FindAppByConsumerKey(key);
            }

            return app is null || app.ConsumerSecret != secret
                ? XResults.Error(new XFailure(403, 99, "Unable to verify your credentials"))
                : XResults.Json(new JsonObject { ["token_type"] = "bearer", ["access_token"] = app.BearerToken });
        });

        x.MapGet("/1.1/account/verify_credentials.json", (HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                return XResults.Json(UserJson.Full(XCaller.Of(http).User!));
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(75);
    }

    /// <summary>Basic auth of percent-encoded key and secret, as X's oauth2/token wants it.</summary>
    private static (string Key, string Secret)? BasicCredentials(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
