namespace TwitterAddon.Core.Concurrency;

/// <summary>One at a time, awaited: <c>using (await gate.EnterAsync(ct)) { ... }</c>. One process owns the SQLite file, so an in-process lock is enough.</summary>
public abstract class AsyncGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
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
