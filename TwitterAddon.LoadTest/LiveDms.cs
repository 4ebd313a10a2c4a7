using System.Globalization;
using Microsoft.Playwright;

namespace TwitterAddon.LoadTest;

/// <summary>
/// New DMs from seeded customers, one a second as customers write, each signed and posted as X would; for each tab
/// that should show it, the time from the webhook's 200 to the DM on screen. Each tab watches its own DOM (a
/// MutationObserver, which background tabs do not throttle as they do timers) and notes when each DM's text first
/// appears; the notes are read once at the end, so the measuring adds almost no browser work while DMs are shown.
/// </summary>
internal static class LiveDms
{
    private const string Marker = "Load test message ";

    // A DM on screen later than this after its 200 counts as never shown.
    private static readonly TimeSpan Cutoff = TimeSpan.FromSeconds(5);

    // Only what changed is read (added nodes, changed text): reading the whole page's text on every change would cost
    // each tab more than showing the DM does.
    private const string Watch = """
        marker => {
            window.__seenAt = {};
            const pattern = new RegExp(marker + '(\\d+)', 'g');
            const note = text => {
                if (!text || !text.includes(marker)) return;
                const now = Date.now();
                for (const match of text.matchAll(pattern)) {
                    if (!(match[1] in window.__seenAt)) window.__seenAt[match[1]] = now;
                }
            };
            window.__watch = new MutationObserver(mutations => {
                for (const mutation of mutations) {
                    if (mutation.type === 'characterData') note(mutation.target.data);
                    else for (const node of mutation.addedNodes) note(node.textContent);
                }
            });
            window.__watch.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    private const string Collect = "() => { window.__watch.disconnect(); return window.__seenAt; }";

    private const string RedrawHistogram = "twitteraddon_live_update_duration_seconds";

    public static async Task<List<double>> TimeAsync(HostProcess host, string key, IReadOnlyList<(IPage Page, string Kind)> tabs, int count,
        HostProcess? pagesHost = null, AdminBrowser? browser = null, string? traceFile = null)
    {
        foreach (var (page, _) in tabs)
        {
            await page.EvaluateAsync(Watch, Marker);
        }

        // What the open tabs cost with nothing arriving (on the host serving them), to tell apart from what a DM costs.
        pagesHost ??= host;
        var (hostIdle, browserIdle) = (pagesHost.CpuTime(), InboxScaleRun.BrowserCpuTime());
        await Task.Delay(TimeSpan.FromSeconds(5));
        InboxScaleRun.Print(string.Create(CultureInfo.InvariantCulture,
            $"  CPU with the tabs open and nothing arriving: host {(pagesHost.CpuTime() - hostIdle).TotalMilliseconds / 5:F0} ms/s, Chromium {(InboxScaleRun.BrowserCpuTime() - browserIdle).TotalMilliseconds / 5:F0} ms/s"));

        await using var trace = browser is not null && traceFile is not null ? await ChromiumTrace.StartAsync(browser.Browser) : null;
        var redrawsBefore = await MetricsScrape.BucketsAsync(pagesHost.BaseUrl, RedrawHistogram, "notifier=\"InboxNotifier\"");
        var (hostBefore, browserBefore) = (host.CpuTime(), InboxScaleRun.BrowserCpuTime());
        using var http = new HttpClient();
        // Ids of this run only (the database keeps earlier runs' DMs, whose text is on screen already).
        var runId = "7" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var acked = new Dictionary<string, long>();
        for (var n = 1; n <= count; n++)
        {
            var (body, signature, id) = new SignedEvents(runId, Core.Accounts.AccountTier.Sandbox, DateTimeOffset.UtcNow).Create(n * 37);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{host.BaseUrl}/webhooks/twitter/{key}") { Content = content };
            request.Headers.TryAddWithoutValidation("x-twitter-webhooks-signature", signature);
            using var response = await http.SendAsync(request);
            acked[id] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            response.EnsureSuccessStatusCode();
            // The load script's pace: customers write a DM a second.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        // Every DM gets the same time to show: later than that it counts as a miss, the last one's included.
        await Task.Delay(Cutoff);
        InboxScaleRun.Print(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per live DM: host {(host.CpuTime() - hostBefore).TotalMilliseconds / count:F0} ms, Chromium {(InboxScaleRun.BrowserCpuTime() - browserBefore).TotalMilliseconds / count:F0} ms"));

        PrintRedraws(redrawsBefore, await MetricsScrape.BucketsAsync(pagesHost.BaseUrl, RedrawHistogram, "notifier=\"InboxNotifier\""));
        if (trace is not null)
        {
            await trace.SaveAsync(traceFile!);
            InboxScaleRun.Print($"  Chromium trace of the live DMs: {traceFile} (tracing adds to Chromium's CPU and to the latencies of this run)");
        }

        var latencies = new List<double>();
        foreach (var (page, kind) in tabs)
        {
            var seen = await page.EvaluateAsync<Dictionary<string, long>>(Collect);
            var ofTab = new List<double>();
            foreach (var (id, at) in acked)
            {
                // A DM a tab never showed counts as never: a miss fails the target whatever the others did.
                ofTab.Add(seen.TryGetValue(id, out var shown) && shown - at <= Cutoff.TotalMilliseconds ? Math.Max(0, shown - at) : double.PositiveInfinity);
            }

            latencies.AddRange(ofTab);
            ofTab.Sort();
            InboxScaleRun.Print($"  {kind} tab: p50 {LoadResult.Percentile([.. ofTab], 50):F0} ms, max {ofTab[^1]:F0} ms");
        }

        return latencies;
    }

    /// <summary>The server's side of the latency: from a change to each page having redrawn (the portal's own histogram).</summary>
    private static void PrintRedraws(Dictionary<string, double> before, Dictionary<string, double> after)
    {
        if (after.Count == 0)
        {
            InboxScaleRun.Print("  server side: /metrics did not answer");
            return;
        }

        var total = after.GetValueOrDefault("+Inf") - before.GetValueOrDefault("+Inf");
        var shares = after.Where(b => b.Key is "0.05" or "0.1" or "0.25" or "0.5")
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{(b.Value - before.GetValueOrDefault(b.Key)) / Math.Max(1, total):P0} within {double.Parse(b.Key, CultureInfo.InvariantCulture) * 1000:F0} ms"));
        InboxScaleRun.Print($"  server side, {total:F0} page redraws from the change to the redraw sent: {string.Join(", ", shares)}");
    }
}
