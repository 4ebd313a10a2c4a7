using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Telemetry;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// X's 429 (code 88) says when the window resets in <c>x-rate-limit-reset</c> (epoch seconds). A reset within
/// <see cref="XApiOptions.MaxRateLimitWait"/> is waited out and the request sent once more; nothing was created
/// by a 429, so this is safe even for a tweet. A later reset goes back to the caller to schedule.
/// </summary>
public sealed class RateLimitHandler(TimeProvider clock, IOptions<XApiOptions> options) : DelegatingHandler
{
    private static readonly Histogram<double> Waits = AddonMeter.Instance.CreateHistogram<double>(
        "twitteraddon.x.rate_limit_wait", "s", "Waits for X's rate-limit window to reset before sending a request again");

    public const string ResetHeader = "x-rate-limit-reset";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode != 429 || ResetOf(response) is not { } reset)
        {
            return response;
        }

        var wait = reset - clock.GetUtcNow();
        if (wait > options.Value.MaxRateLimitWait)
        {
            return response;
        }

        response.Dispose();
        Waits.Record(Math.Max(0, wait.TotalSeconds));
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    public static DateTimeOffset? ResetOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ResetHeader, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
