using System.Globalization;

namespace TwitterAddon.LoadTest;

/// <summary>
/// Two instances on one PostgreSQL database: agents' inbox tabs open on A while X's deliveries reach B (the load
/// balancer's choice). The time from B's 200 to the DM on screen in A's tabs, which only the LISTEN/NOTIFY relay
/// can bring there (A's pages do not poll).
/// </summary>
internal static class CrossInstanceRun
{
    public static async Task<int> RunAsync(RunOptions options, int tabs, int dms)
    {
        using var database = LoadDatabase.PostgreSql(options.PostgreSqlServer, "live2");
        // Development only so the unpublished build serves its static web assets; no emulator.
        string[] settings = ["--Emulator:Enabled=false"];
        using var a = new HostProcess(options.WebDll, database, HostProcess.FreePort(), settings, "Development");
        using var b = new HostProcess(options.WebDll, database, HostProcess.FreePort(), settings, "Development");
        var key = await Seeder.SeedInboxAsync(database, a.BaseUrl, InboxTabsRun.NoisePng(64, 64), conversations: 50);
        await a.StartAsync();
        await b.StartAsync();

        await using var admin = await AdminBrowser.SignInAsync(a.BaseUrl);
        var open = new List<(Microsoft.Playwright.IPage Page, string Kind)>();
        for (var i = 0; i < tabs; i++)
        {
            open.Add((await admin.OpenInboxAsync(), $"A's inbox {i + 1}"));
        }

        // One DM first, not counted: the first time through the ack, the worker and the relay includes the JIT.
        InboxScaleRun.Print("warm-up DM (not counted):");
        await LiveDms.TimeAsync(b, key, open, 1, pagesHost: a);
        InboxScaleRun.Print($"{tabs} inbox tabs on A ({a.BaseUrl}); {dms} DMs acked by B ({b.BaseUrl}), a second apart, on {database.Description}");
        var latencies = await LiveDms.TimeAsync(b, key, open, dms, pagesHost: a);
        latencies.Sort();
        InboxScaleRun.Print(string.Create(CultureInfo.InvariantCulture,
            $"DM acked on B to screen on A: p50 {LoadResult.Percentile([.. latencies], 50):F0} ms, p99 {LoadResult.Percentile([.. latencies], 99):F0} ms, " +
            $"max {latencies[^1]:F0} ms over {latencies.Count} arrivals (target: as on one instance, p99 < 500 ms)"));
        a.Kill();
        b.Kill();
        return double.IsFinite(latencies[^1]) ? 0 : 1;
    }
}
