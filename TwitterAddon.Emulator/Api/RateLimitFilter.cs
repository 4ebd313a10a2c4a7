using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>Rate-limits an endpoint; added after authentication, so the window is the caller's own.</summary>
public static class RateLimitFilter
{
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder endpoint, int limit) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var book = http.RequestServices.GetRequiredService<RateLimitBook>();
            var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
            return book.TryCount(http, XCaller.Of(http).RateLimitKey, http.Request.Method + " " + pattern, limit)
                ? await next(context)
                : XResults.Error(http, new XFailure(429, 88, "Rate limit exceeded."));
        });
}
