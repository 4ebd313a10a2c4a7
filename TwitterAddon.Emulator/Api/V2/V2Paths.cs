using Microsoft.AspNetCore.Http;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>Which API generation a request is for: the shared filters answer in its error shape.</summary>
public static class V2Paths
{
    public static bool Is(HttpContext http) => http.Request.Path.Value?.Contains("/2/", StringComparison.Ordinal) == true;
}
