using System.Diagnostics;
using System.Net;
using TwitterAddon.Core.Accounts;

namespace TwitterAddon.LoadTest;

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(long Acked, long Errors, TimeSpan Elapsed, double[] AckMs, double[] CrcMs, IReadOnlyCollection<string> AckedIds)
{
    public double PerSecond => Acked / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}

/// <summary>
/// Posts signed unique events from <paramref name="concurrency"/> loops for a while, and probes the CRC meanwhile. With
/// several instances' addresses it spreads the events over them in turn, as a load balancer would (a retry goes to the next).
/// </summary>
/// <param name="retryUntilAcked">Send an event again until it is answered 200, as X retries: each one acked once, some stored twice.</param>
internal sealed class LoadGenerator(
    IReadOnlyList<string> baseUrls, string webhookKey, AccountTier tier, int concurrency, string runId, bool retryUntilAcked = false)
{
    private long sent;

    public LoadGenerator(string baseUrl, string webhookKey, AccountTier tier, int concurrency, string runId, bool retryUntilAcked = false)
        : this([baseUrl], webhookKey, tier, concurrency, runId, retryUntilAcked)
    {
    }

    private long next;

    public async Task<LoadResult> RunAsync(TimeSpan duration, long maxEvents = long.MaxValue, CancellationToken stop = default)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var events = new SignedEvents(runId, tier);
        var urls = baseUrls.Select(b => $"{b}/webhooks/twitter/{webhookKey}").ToArray();
        var acked = new System.Collections.Concurrent.ConcurrentBag<string>();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        using var timeUp = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeUp.CancelAfter(duration);

        var crc = ProbeCrcAsync(http, urls[0], timeUp.Token);
        var loops = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = new List<double>(200_000);
            while (!timeUp.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                if (n > maxEvents)
                {
                    break;
                }

                var (body, signature, id) = events.Create(n);
                while (!await SendAsync(body, signature, id) && retryUntilAcked && !timeUp.IsCancellationRequested)
                {
                }
            }

            return latencies;

            async Task<bool> SendAsync(byte[] body, string signature, string id)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                var url = urls[Interlocked.Increment(ref sent) % urls.Length];
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                request.Headers.TryAddWithoutValidation("x-twitter-webhooks-signature", signature);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        acked.Add(id);
                        return true;
                    }

                    Interlocked.Increment(ref errors);
                    return false;
                }
                catch (HttpRequestException)
                {
                    // The host was killed mid-request: not acknowledged, so it may or may not be stored.
                    Interlocked.Increment(ref errors);
                    await Task.Delay(20, CancellationToken.None);
                    return false;
                }
            }
        }).ToList();

        var all = (await Task.WhenAll(loops)).SelectMany(l => l).Order().ToArray();
        var elapsed = clock.Elapsed;
        // All events sent before the time was up: the CRC probe stops too.
        await timeUp.CancelAsync();
        return new LoadResult(all.Length, errors, elapsed, all, await crc, acked);
    }

    private static async Task<double[]> ProbeCrcAsync(HttpClient http, string url, CancellationToken stop)
    {
        var latencies = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(url + "?crc_token=bG9hZC10ZXN0LWNyYy10b2tlbg", CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
            }

            try
            {
                await Task.Delay(10, stop);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }

        return [.. latencies.Order()];
    }
}
