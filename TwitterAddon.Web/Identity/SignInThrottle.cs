using System.Threading.RateLimiting;

namespace TwitterAddon.Web.Identity;

/// <summary>
/// Sign-in and first-run posts per client address: ten a minute (a sliding window), then the page says to wait. With
/// <see cref="Core.Team.SignInAttempts"/> per account, guessing passwords is slow from one address and from many.
/// </summary>
public static class SignInThrottle
{
    public const int PostsPerMinute = 10;

    public const string Message = "Too many sign-in attempts from your network. Wait a minute, then try again.";

    private static readonly string[] Guarded = ["/account/login", "/first-run"];

    /// <summary>A new limiter, one per host (its counts must not be shared by two hosts in one process).</summary>
    public static PartitionedRateLimiter<HttpContext> CreateLimiter() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
        Guards(http)
            ? RateLimitPartition.GetSlidingWindowLimiter(ClientNetwork(http), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PostsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("unguarded"));

    /// <summary>A post to the sign-in or first-run page, however its path is spelled (case, a trailing slash).</summary>
    public static bool Guards(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && Guarded.Any(p => string.Equals((http.Request.PathBase + http.Request.Path).Value?.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Who is asking, as a network: an IPv4 address, or an IPv6 /64 (one subscriber's share, which holds more
    /// addresses than anyone could use up). Behind an untrusted proxy everyone shares the proxy's address: configure
    /// Proxy:KnownProxies.
    /// </summary>
    public static string ClientNetwork(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
