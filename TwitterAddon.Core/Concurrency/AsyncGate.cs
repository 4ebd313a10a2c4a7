namespace TwitterAddon.Core.Concurrency;

/// <summary>One at a time, awaited: <c>using (await gate.EnterAsync(ct)) { ... }</c>. One process owns the SQLite file, so an in-process lock is enough.</summary>
public abstract class AsyncGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int waiting;

    /// <summary>Someone is inside.</summary>
    public bool IsHeld => gate.CurrentCount == 0;

    /// <summary>How many wait to enter: the gate's queue, for tests and monitoring.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        return new Release(gate);
    }

    /// <summary>For the rare synchronous caller (EF's synchronous SaveChanges).</summary>
    public IDisposable Enter()
    {
        gate.Wait();
        return new Release(gate);
    }

    public void Dispose()
    {
        gate.Dispose();
        GC.SuppressFinalize(this);
    }

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
