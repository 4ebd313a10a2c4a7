using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary><c>GET /2/users/me</c>: the token's user; <c>profile_image_url</c> only when <c>user.fields</c> asks for it.</summary>
public static class V2UserEndpoints
{
    public static void MapV2UserEndpoints(this RouteGroupBuilder x) =>
        x.MapGet("/2/users/me", (HttpContext http, EmulatorWorld world) =>
        {
            var fields = http.Request.Query["user.fields"].ToString().Split(',', StringSplitOptions.TrimEntries);
            lock (world.Gate)
            {
                return V2Results.Data(V2Json.User(XCaller.Of(http).User!, withImage: fields.Contains("profile_image_url")));
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(75);
}
