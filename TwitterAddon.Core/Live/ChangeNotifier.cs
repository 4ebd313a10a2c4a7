using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Telemetry;

namespace TwitterAddon.Core.Live;

/// <summary>
/// Tells open pages that something they show changed, so they redraw within a second instead of on reload.
/// A singleton that components subscribe to, as in eShop's WebhookClient. Bursts are coalesced: thousands of
/// events a second become a few redraws a second. Each subscriber is called on its own, concurrently: one slow
/// or failing page delays or breaks no other, and a slow one is called again once, not once per change.
/// </summary>
/// <param name="window">Changes within this window after the first reach the pages as one notification.</param>
public abstract partial class ChangeNotifier(TimeProvider clock, ILogger logger, TimeSpan window)
{
    // Buckets around the half second a customer's message has to reach the screen: OpenTelemetry's defaults (0, 5, 10,
    // ... seconds, here) would put every redraw in the one bucket from 0 to 5 s.
    private static readonly Histogram<double> UpdateDuration = AddonMeter.Instance.CreateHistogram<double>(
        "twitteraddon.live.update.duration", "s", "From a change to an open page having redrawn for it (one measurement per page)",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5] });

    /// <summary>Changes within this window after the first reach the pages as one notification.</summary>
    public TimeSpan CoalesceWindow { get; } = window;

    private readonly ILogger log = logger;
    private readonly TimeProvider time = clock;
    private readonly Lock sync = new();
    private Subscription[] subscriptions = [];
    private int scheduled;

    /// <summary>
    /// Calls <paramref name="onChanged"/> after each change until the returned subscription is disposed; the
    /// token it gets is cancelled then, so work for a closed page stops.
    /// </summary>
    public IDisposable Subscribe(Func<CancellationToken, Task> onChanged)
    {
        var subscription = new Subscription(this, onChanged);
        lock (sync)
        {
            subscriptions = [.. subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>Schedules one notification for everything that changed in the next moment; returns at once.</summary>
    protected void Signal()
    {
        if (Interlocked.Exchange(ref scheduled, 1) == 1)
        {
            return;
        }

        // The window starts now, on the injected clock (a test's fake clock sees the timer at once).
        _ = DeliverAfterAsync(Task.Delay(CoalesceWindow, time), time.GetTimestamp());
    }

    private async Task DeliverAfterAsync(Task window, long changedAt)
    {
        await window.ConfigureAwait(false);
        // Cleared before the subscribers run: a change made while they run schedules another round.
        Volatile.Write(ref scheduled, 0);
        foreach (var subscription in Volatile.Read(ref subscriptions))
        {
            subscription.Deliver(changedAt);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (sync)
        {
            subscriptions = [.. subscriptions.Where(s => s != subscription)];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A page failed to handle a live update; the other pages were not affected")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(ChangeNotifier notifier, Func<CancellationToken, Task> onChanged) : IDisposable
    {
        private readonly CancellationTokenSource disposed = new();

        // 0: idle; 1: running; 2: running, and changed again meanwhile (run once more when done).
        private int state;

        // When the latest change this page is catching up with was made (the clock's timestamp).
        private long changedAt;

        public void Deliver(long at)
        {
            if (disposed.IsCancellationRequested)
            {
                return;
            }

            Volatile.Write(ref changedAt, at);

            while (true)
            {
                var current = Volatile.Read(ref state);
                var next = current == 0 ? 1 : 2;
                if (Interlocked.CompareExchange(ref state, next, current) == current)
                {
                    if (current == 0)
                    {
                        _ = Task.Run(RunAsync);
                    }

                    return;
                }
            }
        }

        public void Dispose()
        {
            notifier.Remove(this);
            disposed.Cancel();
        }

        private async Task RunAsync()
        {
            do
            {
                Volatile.Write(ref state, 1);
                var since = Volatile.Read(ref changedAt);
                try
                {
                    await onChanged(disposed.Token);
                    UpdateDuration.Record(notifier.time.GetElapsedTime(since).TotalSeconds, new KeyValuePair<string, object?>("notifier", notifier.GetType().Name));
                }
                catch (OperationCanceledException) when (disposed.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogSubscriberFailed(notifier.log, e);
                }
            }
            while (Interlocked.CompareExchange(ref state, 0, 1) != 1 && !disposed.IsCancellationRequested);
        }
    }
}
