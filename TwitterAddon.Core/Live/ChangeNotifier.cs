namespace TwitterAddon.Core.Live;

/// <summary>
/// Tells open pages that something they show changed, so they redraw within a second instead of on reload.
/// A singleton that components subscribe to, as in eShop's WebhookClient. Bursts are coalesced: thousands of
/// events a second become a few redraws a second, not thousands of database reads per open page.
/// </summary>
public abstract class ChangeNotifier
{
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(150);
    private int scheduled;

    public event Func<Task>? Changed;

    /// <summary>Schedules one notification for everything that changed in the next moment; returns at once.</summary>
    public void Notify()
    {
        if (Interlocked.Exchange(ref scheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(CoalesceWindow);
            // Cleared before the handlers run: a change made while they run schedules another round.
            Volatile.Write(ref scheduled, 0);
            await RaiseAsync();
        });
    }

    private async Task RaiseAsync()
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            try
            {
                await handler();
            }
            catch (ObjectDisposedException)
            {
                // A page closed while we called it; the others still get the news.
            }
        }
    }
}
