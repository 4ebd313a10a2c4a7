namespace TwitterAddon.Core.Concurrency;

/// <summary>
/// Wakes a background worker when there is new work, so it does not wait for its next poll. Raising it
/// twice before the worker looks is the same as once: the worker takes everything there is.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim raised = new(0, 1);

    public void Raise()
    {
        try
        {
            raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => raised.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        raised.Dispose();
        GC.SuppressFinalize(this);
    }
}
