using System.Text.Json;
using Microsoft.Playwright;

namespace TwitterAddon.LoadTest;

/// <summary>
/// A trace of every Chromium process (each tab's renderer included) over the browser's DevTools protocol, saved as
/// DevTools' Performance panel and Perfetto open it: where a tab's time goes while it shows a live DM (script, style,
/// layout, paint). Playwright's .NET API has no browser tracing of its own, so this asks the protocol directly. The
/// events are kept in memory until saved (tens of MB for 30 tabs over 20 DMs): it is for short runs.
/// </summary>
internal sealed class ChromiumTrace : IAsyncDisposable
{
    // The renderers' main-thread tasks as the Performance panel records them.
    private const string Categories = "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,blink.user_timing";

    private readonly ICDPSession session;
    private readonly List<JsonElement> events = [];
    private readonly TaskCompletionSource complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumTrace(ICDPSession session)
    {
        this.session = session;
        session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is { } value)
            {
                lock (events)
                {
                    events.AddRange(value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
                }
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
    }

    public static async Task<ChromiumTrace> StartAsync(IBrowser browser)
    {
        var trace = new ChromiumTrace(await browser.NewBrowserCDPSessionAsync());
        try
        {
            await trace.session.SendAsync("Tracing.start", new Dictionary<string, object> { ["categories"] = Categories, ["transferMode"] = "ReportEvents" });
            return trace;
        }
        catch
        {
            await trace.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the trace and writes it in the trace-event format ({"traceEvents": [...]}).</summary>
    public async Task SaveAsync(string path)
    {
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await using var file = File.Create(path);
        lock (events)
        {
            JsonSerializer.Serialize(file, new { traceEvents = events });
        }
    }

    public async ValueTask DisposeAsync() => await session.DetachAsync();
}
