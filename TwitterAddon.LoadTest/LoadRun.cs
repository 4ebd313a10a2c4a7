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
    public static async Task<int> RunAsync(RunOptions options)
    {
        var (host, folder, databaseFile, key) = await HostProcess.StartSeededAsync(options.WebDll, "load", options.Tier);
        using var running = host;
        var duration = TimeSpan.FromSeconds(options.Seconds);
        Console.WriteLine($"Portal: {options.Tier.Label()} payloads, {options.Seconds} s at concurrency {options.Concurrency}, {Environment.ProcessorCount} cores, database {databaseFile}");

        // A short warm-up (JIT, connection pool) that is not counted.
        await new LoadGenerator(host.BaseUrl, key, options.Tier, options.Concurrency, "9").RunAsync(TimeSpan.FromSeconds(3));
        var portal = await new LoadGenerator(host.BaseUrl, key, options.Tier, options.Concurrency, "1").RunAsync(duration);
        Report("portal", portal);
        var drainSeconds = await InboxCheck.WaitDrainedAsync(databaseFile, TimeSpan.FromMinutes(10));
        var ids = await InboxCheck.MessageIdCountsAsync(databaseFile);
        var lost = portal.AckedIds.Count(id => !ids.ContainsKey(id));
        Console.WriteLine($"portal inbox: {portal.AckedIds.Count(ids.ContainsKey)} of {portal.Acked} acked events are messages " +
            $"({lost} lost), inbox drained {drainSeconds:F1} s after the load ended");
        host.Kill();

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
