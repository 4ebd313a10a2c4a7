using System.Globalization;
using TwitterAddon.Core.Accounts;

namespace TwitterAddon.LoadTest;

/// <summary>
/// The load benchmark of the inbound issue: signed unique DM events at concurrency 32 for 30 s against the
/// running host, then the same load against <see cref="BareEndpoint"/>; events/s, ack p50/p99, CRC p99 during
/// the load, errors, and how many events reached the inbox.
/// </summary>
internal static class LoadRun
{
    // The portal reads its queues every 5 s (WorkQueueMonitor): one more reading shows the drained queue.
    private static readonly TimeSpan WorkQueueReadingInterval = Core.Operations.WorkQueueMonitor.Interval + TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(RunOptions options)
    {
        var (hosts, folder, database, key) = await HostProcess.StartSeededAsync(options, "load");
        using var db = database;
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var urls = hosts.Select(h => h.BaseUrl).ToList();
        Console.WriteLine($"Portal: {options.Tier.Label()} payloads, {options.Seconds} s at concurrency {options.Concurrency}, {Environment.ProcessorCount} cores, " +
            $"{hosts.Count} instance(s) on {database.Description}");

        // A short warm-up (JIT, connection pool) that is not counted.
        await new LoadGenerator(urls, key, options.Tier, options.Concurrency, "9").RunAsync(TimeSpan.FromSeconds(3));
        await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(10));
        using var scrapes = new CancellationTokenSource();
        var queue = MetricsScrape.SampleAsync(hosts[0].BaseUrl, "twitteraddon_events_waiting", scrapes.Token);
        var portal = await new LoadGenerator(urls, key, options.Tier, options.Concurrency, "1").RunAsync(duration);
        Report("portal", portal);
        var drainSeconds = await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(10));
        await Task.Delay(WorkQueueReadingInterval);
        await scrapes.CancelAsync();
        Console.WriteLine($"/metrics twitteraddon_events_waiting, once a second from the load's start: {string.Join(" ", await queue)}");
        var ids = await InboxCheck.MessageIdCountsAsync(database);
        var lost = portal.AckedIds.Count(id => !ids.ContainsKey(id));
        Console.WriteLine($"portal inbox: {portal.AckedIds.Count(ids.ContainsKey)} of {portal.Acked} acked events are messages " +
            $"({lost} lost), inbox drained {drainSeconds:F1} s after the load ended");
        foreach (var host in hosts)
        {
            host.Kill();
        }

        var barePort = HostProcess.FreePort();
        await using var bare = await BareEndpoint.StartAsync(barePort);
        await new LoadGenerator($"http://127.0.0.1:{barePort}", key, options.Tier, options.Concurrency, "8").RunAsync(TimeSpan.FromSeconds(3));
        var baseline = await new LoadGenerator($"http://127.0.0.1:{barePort}", key, options.Tier, options.Concurrency, "2").RunAsync(duration);
        Report("bare 200", baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio: the portal sustains {portal.PerSecond / baseline.PerSecond:P0} of the bare endpoint's events/s"));
        Directory.Delete(folder, recursive: true);
        return lost == 0 && portal.Errors == 0 ? 0 : 1;
    }

    private static void Report(string name, LoadResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {result.Acked} acked in {result.Elapsed.TotalSeconds:F1} s = {result.PerSecond:F0} events/s, " +
        $"ack p50 {LoadResult.Percentile(result.AckMs, 50):F2} ms, p99 {LoadResult.Percentile(result.AckMs, 99):F2} ms, " +
        $"max {result.AckMs.LastOrDefault():F1} ms, errors {result.Errors}; " +
        $"CRC GET during load: {result.CrcMs.Length} probes, p50 {LoadResult.Percentile(result.CrcMs, 50):F2} ms, p99 {LoadResult.Percentile(result.CrcMs, 99):F2} ms"));
}
