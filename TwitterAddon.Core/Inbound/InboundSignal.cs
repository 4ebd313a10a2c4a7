namespace TwitterAddon.Core.Inbound;

/// <summary>Wakes <see cref="InboundWorker"/> when new events are stored, so it does not wait for its next poll.</summary>
public sealed class InboundSignal : IDisposable
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
            // Already raised: the worker will look once for everything stored so far.
        }
    }

    public void Dispose() => raised.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => raised.WaitAsync(timeout, cancellationToken);
}
