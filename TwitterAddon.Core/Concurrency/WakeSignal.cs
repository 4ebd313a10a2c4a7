namespace TwitterAddon.Core.Concurrency;

/// <summary>
/// Wakes a background worker when there is new work, so it does not wait for its next poll. Raising it
/// twice before the worker looks is the same as once: the worker takes everything there is.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim raised = new(0, 1);

    /// <summary>Fired by each <see cref="Raise"/>: another instance's worker may be the one to wake (InstanceRelay tells it).</summary>
    public event Action? Raised;

    public void Raise()
    {
        Wake();
        Raised?.Invoke();
    }

    /// <summary>Another instance raised it: wakes this instance's worker without telling the others again.</summary>
    public void RaiseFromAnotherInstance() => Wake();

    private void Wake()
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

    /// <summary>True when raised; false when <paramref name="timeout"/> passed first on <paramref name="clock"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The timeout cancels the wait itself, so an abandoned wait can never swallow a later Raise.
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await raised.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        raised.Dispose();
        GC.SuppressFinalize(this);
    }
}
