namespace TwitterAddon.Core.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Our busy writers (the ack path, the inbound worker, the outbox) queue
/// here, in process, instead of colliding on SQLite's lock, whose busy retries sleep and stall acks by seconds.
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
