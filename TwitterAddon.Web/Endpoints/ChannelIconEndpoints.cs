using Microsoft.Net.Http.Headers;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Web.Endpoints;

/// <summary>
/// Channel icons at <c>/channel-icons/{channel id}/{version}</c>, for signed-in team members. Each version's URL
/// names one image for good, so browsers keep it (immutable, ETag); an old version's URL redirects to the current one.
/// An SVG is served so that, even opened on its own, it can run nothing (<see cref="SecurityHeaders.IconPolicy"/>).
/// </summary>
public static class ChannelIconEndpoints
{
    public static IEndpointRouteBuilder MapChannelIconEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChannelIcon.PathPrefix + "{channelId:int}/{version:int}", async (int channelId, int version, HttpContext http, ChannelService channels) =>
        {
            if (await channels.IconAsync(channelId, http.RequestAborted) is not var (bytes, contentType, current))
            {
                return Results.NotFound();
            }

            if (current != version)
            {
                return Results.Redirect(ChannelIcon.UrlOf(channelId, current));
            }

            var headers = http.Response.Headers;
            headers.CacheControl = "private, max-age=31536000, immutable";
            var etag = new EntityTagHeaderValue($"\"{channelId}-{version}\"");
            return Results.Bytes(bytes, contentType, entityTag: etag);
        }).RequireAuthorization().WithSecurityHeadersPolicy(SecurityHeaders.IconPolicy);
        return endpoints;
    }
}
