using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// <c>GET /2/users/me</c>, the token's user, and <c>GET /2/users?ids=</c>, up to 100 users by id: found ones in
/// <c>data</c>, the others as "Could not find user" entries in <c>errors</c> (a partial answer, still 200).
/// <c>profile_image_url</c> only when <c>user.fields</c> asks for it.
/// </summary>
public static class V2UserEndpoints
{
    private const int MaxIds = 100;

    public static void MapV2UserEndpoints(this RouteGroupBuilder x)
    {
        x.MapGet("/2/users/me", (HttpContext http, EmulatorWorld world) =>
        {
            lock (world.Gate)
            {
                return V2Results.Data(V2Json.User(XCaller.Of(http).User!, withImage: WantsImage(http)));
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(75);

        x.MapGet("/2/users", (HttpContext http, EmulatorWorld world) =>
        {
            var ids = http.Request.Query["ids"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length is 0 or > MaxIds || ids.Any(id => !id.All(char.IsAsciiDigit)))
            {
                return V2Results.InvalidParameter("ids", $"The `ids` query parameter value [{http.Request.Query["ids"]}] is not valid: 1 to {MaxIds} comma-separated user ids.");
            }

            lock (world.Gate)
            {
                var found = new JsonArray();
                var errors = new JsonArray();
                foreach (var id in ids.Distinct(StringComparer.Ordinal))
                {
                    if (world.Users.TryGetValue(id, out var user))
                    {
                        found.Add(V2Json.User(user, withImage: WantsImage(http)));
                    }
                    else
                    {
                        errors.Add(new JsonObject
                        {
                            ["value"] = id, ["detail"] = $"Could not find user with ids: [{id}].", ["title"] = "Not Found Error",
                            ["resource_type"] = "user", ["parameter"] = "ids", ["resource_id"] = id, ["type"] = V2Results.Problems + "resource-not-found",
                        });
                    }
                }

                var body = new JsonObject();
                if (found.Count > 0)
                {
                    body["data"] = found;
                }

                if (errors.Count > 0)
                {
                    body["errors"] = errors;
                }

                return XResults.Json(body);
            }
        }).AddEndpointFilter<UserContextFilter>().RateLimited(900);
    }

    private static bool WantsImage(HttpContext http) =>
        http.Request.Query["user.fields"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("profile_image_url");
}
