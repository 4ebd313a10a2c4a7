using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using TwitterAddon.Benchmarks.InboxScale;

namespace TwitterAddon.LoadTest;

/// <summary>
/// The inbox at a busy brand's scale, on the real host: a seeded year (1,000,000 messages) in <c>--folder</c>, then
/// <c>--tabs</c> inbox tabs in one Chromium with different filters and searches, new DMs signed and posted as X would,
/// and for each tab that should show a DM the time from the webhook's 200 to the row on screen. Prints each figure
/// with its target: live p99 under 500 ms, under 5 MB of server memory per tab, an inbox page under 300 KB, RSS under
/// 800 MB, and ingest with the tabs open at least half of ingest without them.
/// </summary>
internal static class InboxScaleRun
{
    private const string KeyFile = "webhook-key";

    /// <summary>What each tab filters by, and whether the live DMs (a customer's "where is my order?") belong in it.</summary>
    private static readonly (string Name, Func<IPage, Task> Apply, bool ShowsLiveDms)[] TabKinds =
    [
        ("open", _ => Task.CompletedTask, true),
        ("all statuses", page => page.GetByText("All", new() { Exact = true }).ClickAsync(), true),
        ("direct messages", async page =>
        {
            await page.GetByTestId("filter-kind").ClickAsync();
            await page.GetByText("Direct Messages", new() { Exact = true }).ClickAsync();
        }, true),
        ("unread", page => page.GetByTestId("filter-unread").ClickAsync(), true),
        ("search order", page => SearchAsync(page, "order"), true),
        ("search load test", page => SearchAsync(page, "Load test"), true),
        ("mentions", async page =>
        {
            await page.GetByTestId("filter-kind").ClickAsync();
            await page.GetByText("Mentions", new() { Exact = true }).ClickAsync();
        }, false),
        ("search nothing", page => SearchAsync(page, "zzqqxx"), false),
    ];

    public static async Task<int> SeedAsync(string folder, int messages)
    {
        Directory.CreateDirectory(folder);
        if (File.Exists(Path.Combine(folder, KeyFile)))
        {
            Console.WriteLine($"{folder} is seeded already.");
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var key = await Seeder.SeedScaleAsync(folder, "http://127.0.0.1", new InboxScaleSeeder.Size(messages, messages / 10, messages * 6 / 100));
        await File.WriteAllTextAsync(Path.Combine(folder, KeyFile), key);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {messages:N0} messages in {watch.Elapsed.TotalSeconds:F0} s; database {new FileInfo(Path.Combine(folder, "twitteraddon.db")).Length / 1048576.0:F0} MB"));
        return 0;
    }

    public static async Task<int> RunAsync(RunOptions options, string folder, int tabs, int liveDms)
    {
        var key = await File.ReadAllTextAsync(Path.Combine(folder, KeyFile));
        var port = HostProcess.FreePort();
        // Development so the unpublished build serves its static web assets; no emulator: the DMs are posted as X would.
        using var database = LoadDatabase.Sqlite(Path.Combine(folder, "twitteraddon.db"));
        using var host = new HostProcess(options.WebDll, database, port, ["--Emulator:Enabled=false"], "Development");
        await host.StartAsync();
        // A first run warms the host and the database's pages (not counted); each run is followed by the worker catching up.
        await IngestAsync(host, key, "4");
        await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(15));
        var ingestAlone = await IngestAsync(host, key, "5");
        // The live DMs must not queue behind the ingest run's events: the worker catches up first.
        Print($"ingest without tabs: {ingestAlone:F0} events/s; the worker caught up {await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(15)):F0} s later");
        var rssBefore = host.ResidentMegabytes();

        await using var admin = await AdminBrowser.SignInAsync(host.BaseUrl);
        var pageBytes = admin.InboxBytes;

        var pages = new List<(IPage Page, bool ShowsLiveDms, string Kind)>();
        for (var i = 0; i < tabs; i++)
        {
            var (name, apply, shows) = TabKinds[i % TabKinds.Length];
            var page = await admin.OpenInboxAsync();
            await page.Locator(".conversation-row, [data-testid=inbox-empty]").First.WaitForAsync();
            await apply(page);
            pages.Add((page, shows, name));
        }

        // Let every tab's filter or search finish loading before measuring.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssWithTabs = host.ResidentMegabytes();
        var latencies = await LiveDms.TimeAsync(host, key, [.. pages.Where(p => p.ShowsLiveDms).Select(p => (p.Page, p.Kind))], liveDms, host, admin, options.TraceFile);
        var ingestWithTabs = await IngestAsync(host, key, "6");
        await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(15));
        var rssAfter = host.ResidentMegabytes();
        host.Kill();

        latencies.Sort();
        var p99 = LoadResult.Percentile([.. latencies], 99);
        var perTab = (rssWithTabs - rssBefore) / tabs;
        var ratio = ingestWithTabs / ingestAlone;
        Print($"live: {latencies.Count} DM-in-tab arrivals over {liveDms} DMs and {pages.Count(p => p.ShowsLiveDms)} tabs that show them: " +
            $"p50 {LoadResult.Percentile([.. latencies], 50):F0} ms, p99 {p99:F0} ms, max {latencies.LastOrDefault():F0} ms after the webhook's 200 (target p99 < 500 ms)");
        Print($"memory: server RSS {rssBefore:F0} MB before the tabs, {rssWithTabs:F0} MB with {tabs}: {perTab:F1} MB per tab (target < 5 MB); " +
            $"{rssAfter:F0} MB at the end (target < 800 MB)");
        Print($"wire: one inbox render {pageBytes / 1024.0:F1} KB (target < 300 KB)");
        Print($"ingest: {ingestAlone:F0} events/s without tabs, {ingestWithTabs:F0} with {tabs} tabs open: {ratio:P0} (target >= 50 %)");
        return p99 < 500 && perTab < 5 && rssAfter < 800 && pageBytes < 300 * 1024 && ratio >= 0.5 ? 0 : 1;
    }

    /// <summary>
    /// Signed DMs at concurrency 32 for 15 s; the events/s the portal acknowledged. Prints where the machine's CPU went
    /// meanwhile (the host, and Chromium's processes), since the tabs' cost is shared between the two.
    /// </summary>
    private static async Task<double> IngestAsync(HostProcess host, string key, string runId)
    {
        var (hostBefore, browserBefore) = (host.CpuTime(), BrowserCpuTime());
        var watch = Stopwatch.StartNew();
        var result = await new LoadGenerator(host.BaseUrl, key, Core.Accounts.AccountTier.Sandbox, 32, runId).RunAsync(TimeSpan.FromSeconds(15));
        var seconds = watch.Elapsed.TotalSeconds;
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  CPU during the run: host {(host.CpuTime() - hostBefore).TotalSeconds / seconds:F2} cores, Chromium {(BrowserCpuTime() - browserBefore).TotalSeconds / seconds:F2} cores"));
        return result.PerSecond;
    }

    internal static TimeSpan BrowserCpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in Process.GetProcesses().Where(p => p.ProcessName.Contains("chrom", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                total += process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // Gone between the listing and the read.
            }
            finally
            {
                process.Dispose();
            }
        }

        return total;
    }

    private static Task SearchAsync(IPage page, string words) => page.Locator("input[data-testid=search]").FillAsync(words);

    internal static void Print(string line) => Console.WriteLine(line);
}
