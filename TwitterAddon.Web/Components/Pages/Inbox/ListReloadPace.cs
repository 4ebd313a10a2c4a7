namespace TwitterAddon.Web.Components.Pages.Inbox;

/// <summary>
/// When an open inbox tab reads its loaded rows again instead of redrawing only the changed ones, and how long it
/// waits first. A flood (more changed conversations than are worth a row each, or deliveries queueing at the webhook)
/// reloads at most once per <see cref="FloodInterval"/>, so thirty open tabs do not slow the ingest the flood is. A
/// search reads its page from the index again for any change: after a quiet moment at once, changes close together at
/// most every <see cref="SearchInterval"/>, or less often when the search is slow (spaced at 20 times its average
/// reload, about 5 % of a core), and at least once a second.
/// </summary>
internal sealed class ListReloadPace(TimeProvider clock)
{
    private const int RowsWorthAReload = 20;
    private const int SearchSpacingPerReloadTime = 20;
    private static readonly TimeSpan FloodInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SearchInterval = TimeSpan.FromMilliseconds(250);

    private DateTimeOffset lastReload;
    private TimeSpan averageReload;

    /// <param name="changed">The conversations the change log names, or null when it cannot say.</param>
    public static bool IsFlood(IReadOnlySet<int>? changed, bool deliveriesQueueing) =>
        changed is not { Count: <= RowsWorthAReload } || deliveriesQueueing;

    /// <summary>Waits out the interval since the last reload (changes made meanwhile are taken in by this one), then runs it.</summary>
    public async Task ReloadAsync(bool flood, Func<Task> reload, CancellationToken cancellationToken)
    {
        var interval = flood ? FloodInterval : TimeSpan.FromTicks(
            Math.Clamp(averageReload.Ticks * SearchSpacingPerReloadTime, SearchInterval.Ticks, FloodInterval.Ticks));
        if (lastReload + interval - clock.GetUtcNow() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        lastReload = clock.GetUtcNow();
        await reload();
        // Smoothed: one slow read (a cold cache) does not hold the next DM back.
        var took = clock.GetUtcNow() - lastReload;
        averageReload = averageReload == TimeSpan.Zero ? took : (averageReload * 3 + took) / 4;
    }
}
