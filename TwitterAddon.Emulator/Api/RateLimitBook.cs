using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TwitterAddon.Emulator.Api;

/// <summary>X's 15-minute windows per caller and endpoint, with the x-rate-limit-* headers on every answer.</summary>
public sealed class RateLimitBook(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<(string Caller, string Endpoint, long Window), int> counts = new();

    /// <summary>Counts the call and writes the headers; false when the caller is over the limit.</summary>
    public bool TryCount(HttpContext http, string caller, string endpoint, int limit)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        var used = counts.AddOrUpdate((caller, endpoint, window), 1, (_, n) => n + 1);
        var reset = (window + 1) * (long)Window.TotalSeconds;
        http.Response.Headers["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return used <= limit;
    }
}
