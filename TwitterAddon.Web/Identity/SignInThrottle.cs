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
            ? RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PostsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("unguarded"));

    public static bool Guards(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && Guarded.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
