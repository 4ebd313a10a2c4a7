using Microsoft.AspNetCore.Http;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>The app-only calls: <c>Authorization: Bearer</c> with a token issued by oauth2/token, else 89.</summary>
public sealed class BearerFilter(EmulatorWorld world) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        EmulatedApp? app = null;
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            lock (world.Gate)
            {
                app = world.FindAppByBearerToken(header["Bearer ".Length..].Trim());
            }
        }

        if (app is null)
        {
            if (V2.V2Paths.Is(context.HttpContext))
            {
                // A user-signed call where X wants the app's bearer (or none at all).
                return header.StartsWith(OAuthHeader.Scheme + " ", StringComparison.Ordinal)
                    ? V2.V2Results.UnsupportedAuthentication("OAuth 1.0a User Context")
                    : V2.V2Results.Unauthorized();
            }

            return XResults.Error(XFailure.InvalidToken());
        }

        new XCaller(app, null, null).AttachTo(context.HttpContext);
        return await next(context);
    }
}
